using FsCheck.Xunit;

namespace ResumeSim.Tls.Tests;

public sealed class SessionStateTests
{
    [Fact]
    public void Serialize_Tls12_RoundTripsEveryField()
    {
        var state = Sessions.Tls12(createdAt: 123, lifetime: 456);
        var buffer = new byte[state.SerializedLength];
        Assert.Equal(state.SerializedLength, state.Serialize(buffer));
        Assert.True(SessionState.TryDeserialize(buffer, out var back));
        Assert.NotNull(back);
        Assert.Equal(TlsVersion.Tls12, back.Version);
        Assert.Equal(0xC02F, back.CipherSuite);
        Assert.Equal(state.MasterSecret.ToArray(), back.MasterSecret.ToArray());
        Assert.Equal("www.example.com", back.ServerName);
        Assert.Equal("h2", back.Alpn);
        Assert.Equal(123, back.CreatedAt);
        Assert.Equal(456, back.LifetimeNs);
        Assert.Equal(123, back.AuthTime);
    }

    [Fact]
    public void Serialize_Tls13_RoundTripsTicketFields()
    {
        var state = Sessions.Tls13();
        var buffer = new byte[state.SerializedLength];
        state.Serialize(buffer);
        Assert.True(SessionState.TryDeserialize(buffer, out var back));
        Assert.Equal(12345u, back!.TicketAgeAdd);
        Assert.Equal(7ul, back.TicketNonce);
        Assert.Equal(16384u, back.MaxEarlyData);
    }

    [Fact]
    public void SerializedLength_MatchesDocumentedLayout()
    {
        // 79 B fixed + 15 B SNI + 2 B ALPN = 96 B: a CBC ticket of 16 + 16 + 112 + 32 = 176 B, as measured from OpenSSL.
        Assert.Equal(96, Sessions.Tls12().SerializedLength);
        Assert.Equal(112, Sessions.Tls13().SerializedLength);
        Assert.Equal(79, Sessions.Tls12(sni: null, alpn: null).SerializedLength);
    }

    [Fact]
    public void TryDeserialize_TruncatedOrExtended_Fails()
    {
        var state = Sessions.Tls12();
        var buffer = new byte[state.SerializedLength + 1];
        state.Serialize(buffer);
        Assert.False(SessionState.TryDeserialize(buffer, out _));
        Assert.False(SessionState.TryDeserialize(buffer.AsSpan(0, state.SerializedLength - 1), out _));
    }

    [Fact]
    public void TryDeserialize_UnknownFormatOrVersion_Fails()
    {
        var state = Sessions.Tls12();
        var buffer = new byte[state.SerializedLength];
        state.Serialize(buffer);
        var badFormat = (byte[])buffer.Clone();
        badFormat[0] = 9;
        var badVersion = (byte[])buffer.Clone();
        badVersion[2] = 0x01;
        Assert.False(SessionState.TryDeserialize(badFormat, out _));
        Assert.False(SessionState.TryDeserialize(badVersion, out _));
    }

    [Fact]
    public void Constructor_NonAsciiOrWrongSecret_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SessionState(TlsVersion.Tls12, 1, new byte[47], null, null, 0, 1, 0));
        Assert.Throws<ArgumentException>(() => new SessionState(TlsVersion.Tls12, 1, new byte[48], "bücher.de", null, 0, 1, 0));
    }

    [Fact]
    public void IsExpired_AtCreatedPlusLifetime()
    {
        var state = Sessions.Tls12(createdAt: 10, lifetime: 5);
        Assert.False(state.IsExpired(14));
        Assert.True(state.IsExpired(15));
    }

    [Property]
    public bool TryDeserialize_ArbitraryBytes_NeverThrows(byte[] bytes)
    {
        SessionState.TryDeserialize(bytes ?? [], out _);
        return true;
    }
}
