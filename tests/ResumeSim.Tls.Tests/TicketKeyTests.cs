using System.Security.Cryptography;

namespace ResumeSim.Tls.Tests;

public sealed class TicketKeyTests
{
    private static TicketRotator RingWith(TicketKey key, TicketCipher cipher)
    {
        var ring = new TicketRotator(new TicketRotatorOptions(cipher, 0, 0, 4, 0, false), new SeededRandomBytes(1), 0, generateFirstKey: false);
        ring.InstallKey(key, 0);
        return ring;
    }

    [Fact]
    public void FromNginxKeyFile_48Bytes_IsNameAesHmac_Aes128()
    {
        var file = ManualTicket.Material(48, 1);
        var key = TicketKey.FromNginxKeyFile(file, 0);
        Assert.Equal(TicketCipher.Aes128CbcHmacSha256, key.Cipher);
        Assert.Equal(file[..16], key.Name.ToArray());

        var state = Sessions.Tls12();
        var ticket = ManualTicket.SealCbc(file.AsSpan(0, 16), file[16..32], file[32..48], ManualTicket.Serialize(state));
        Assert.Equal(TicketOpenStatus.Ok, RingWith(key, key.Cipher).TryOpen(ticket, 1, out var opened, out _));
        Assert.Equal(state.MasterSecret.ToArray(), opened!.MasterSecret.ToArray());
    }

    [Fact]
    public void FromNginxKeyFile_80Bytes_IsNameHmacAes_Aes256()
    {
        var file = ManualTicket.Material(80, 2);
        var key = TicketKey.FromNginxKeyFile(file, 0);
        Assert.Equal(TicketCipher.Aes256CbcHmacSha256, key.Cipher);
        var ticket = ManualTicket.SealCbc(file.AsSpan(0, 16), file[48..80], file[16..48], ManualTicket.Serialize(Sessions.Tls12()));
        Assert.Equal(TicketOpenStatus.Ok, RingWith(key, key.Cipher).TryOpen(ticket, 1, out _, out _));
    }

    [Fact]
    public void FromApacheKeyFile_48Bytes_IsNameHmacAes()
    {
        var file = ManualTicket.Material(48, 3);
        var key = TicketKey.FromApacheKeyFile(file, 0);
        var apacheOrder = ManualTicket.SealCbc(file.AsSpan(0, 16), file[32..48], file[16..32], ManualTicket.Serialize(Sessions.Tls12()));
        var nginxOrder = ManualTicket.SealCbc(file.AsSpan(0, 16), file[16..32], file[32..48], ManualTicket.Serialize(Sessions.Tls12()));
        var ring = RingWith(key, key.Cipher);
        Assert.Equal(TicketOpenStatus.Ok, ring.TryOpen(apacheOrder, 1, out _, out _));
        Assert.Equal(TicketOpenStatus.BadMac, ring.TryOpen(nginxOrder, 1, out _, out _));
    }

    [Fact]
    public void SealedByLoadedNginxKey_VerifiesWithRawMaterial()
    {
        var file = ManualTicket.Material(48, 4);
        var ring = RingWith(TicketKey.FromNginxKeyFile(file, 0), TicketCipher.Aes128CbcHmacSha256);
        var ticket = ring.Seal(Sessions.Tls12(), 1);
        var mac = HMACSHA256.HashData(file[32..48], ticket.AsSpan(0, ticket.Length - 32));
        Assert.Equal(mac, ticket[^32..]);
        using var aes = Aes.Create();
        aes.Key = file[16..32];
        var plain = aes.DecryptCbc(ticket.AsSpan(32, ticket.Length - 64), ticket.AsSpan(16, 16), PaddingMode.PKCS7);
        Assert.True(SessionState.TryDeserialize(plain, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(47)]
    [InlineData(64)]
    [InlineData(81)]
    public void FromNginxKeyFile_WrongSize_Throws(int size)
    {
        Assert.Throws<ArgumentException>(() => TicketKey.FromNginxKeyFile(new byte[size], 0));
    }

    [Fact]
    public void FromApacheKeyFile_WrongSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => TicketKey.FromApacheKeyFile(new byte[80], 0));
    }

    [Theory]
    [InlineData(TicketCipher.Aes128CbcHmacSha256, 96, 176)]
    [InlineData(TicketCipher.Aes256CbcHmacSha256, 96, 176)]
    [InlineData(TicketCipher.Aes256Gcm, 96, 140)]
    [InlineData(TicketCipher.Aes128CbcHmacSha256, 95, 160)]
    public void SealedLength_FollowsLayout(TicketCipher cipher, int plaintext, int expected)
    {
        Assert.Equal(expected, TicketKey.SealedLength(cipher, plaintext));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(31)]
    public void MacsEqual_IsFalseForADifferenceAtAnyByte(int at)
    {
        var mac = new byte[TicketKey.MacLength];
        for (int i = 0; i < mac.Length; i++)
        {
            mac[i] = (byte)(i * 7);
        }

        var other = (byte[])mac.Clone();
        Assert.True(TicketKey.MacsEqual(mac, other));
        other[at] ^= 0x80;
        Assert.False(TicketKey.MacsEqual(mac, other));
        Assert.False(TicketKey.MacsEqual(mac, mac.AsSpan(1)));
        Assert.False(TicketKey.MacsEqual(mac.AsSpan(1), mac.AsSpan(1)));
    }
}
