namespace ResumeSim.Tls.Tests;

public sealed class SessionIdTests
{
    [Fact]
    public void FromBytes_CopyTo_RoundTrips()
    {
        var bytes = new byte[32];
        for (int i = 0; i < 32; i++)
        {
            bytes[i] = (byte)(i * 7 + 1);
        }

        var id = SessionId.FromBytes(bytes);
        var back = new byte[32];
        id.CopyTo(back);
        Assert.Equal(bytes, back);
        Assert.False(id.IsEmpty);
    }

    [Fact]
    public void Empty_IsEmpty_AndDiffersFromRandom()
    {
        Assert.True(SessionId.Empty.IsEmpty);
        var id = SessionId.NewRandom(new SeededRandomBytes(1));
        Assert.NotEqual(SessionId.Empty, id);
    }

    [Fact]
    public void Equality_ComparesAllBytes()
    {
        var a = new byte[32];
        var b = new byte[32];
        a[31] = 1;
        b[31] = 2;
        Assert.NotEqual(SessionId.FromBytes(a), SessionId.FromBytes(b));
        Assert.Equal(SessionId.FromBytes(a), SessionId.FromBytes((byte[])a.Clone()));
        Assert.True(SessionId.FromBytes(a) == SessionId.FromBytes((byte[])a.Clone()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void FromBytes_WrongLength_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => SessionId.FromBytes(new byte[length]));
    }

    [Fact]
    public void NewRandom_SameSeed_SameId()
    {
        Assert.Equal(SessionId.NewRandom(new SeededRandomBytes(5)), SessionId.NewRandom(new SeededRandomBytes(5)));
    }
}
