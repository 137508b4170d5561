using FsCheck.Xunit;

namespace ResumeSim.Tls.Tests;

public sealed class TicketRotatorTests
{
    private static TicketRotator Ring(TicketCipher cipher = TicketCipher.Aes128CbcHmacSha256, long rotate = 0, long keep = 0, int maxKeys = 4, long lifetime = 0, bool renew = false, long now = 0) =>
        new(new TicketRotatorOptions(cipher, rotate, keep, maxKeys, lifetime, renew), new SeededRandomBytes(7), now);

    [Theory]
    [InlineData(TicketCipher.Aes128CbcHmacSha256)]
    [InlineData(TicketCipher.Aes256CbcHmacSha256)]
    [InlineData(TicketCipher.Aes256Gcm)]
    public void Seal_TryOpen_RoundTrips(TicketCipher cipher)
    {
        var ring = Ring(cipher);
        var state = Sessions.Tls13();
        var ticket = ring.Seal(state, 10);
        Assert.Equal(ring.SealedLength(state), ticket.Length);
        Assert.Equal(TicketOpenStatus.Ok, ring.TryOpen(ticket, 20, out var opened, out bool renew));
        Assert.False(renew);
        Assert.Equal(state.MasterSecret.ToArray(), opened!.MasterSecret.ToArray());
        Assert.Equal(state.TicketAgeAdd, opened.TicketAgeAdd);
        Assert.Equal(1, ring.TicketsSealed);
        Assert.Equal(1, ring.TicketsOpened);
    }

    [Fact]
    public void Seal_Tls12CbcTicket_Is176Bytes()
    {
        Assert.Equal(176, Ring().Seal(Sessions.Tls12(), 0).Length);
    }

    [Fact]
    public void Seal_SameStateTwice_DifferentTickets()
    {
        var ring = Ring();
        Assert.NotEqual(ring.Seal(Sessions.Tls12(), 0), ring.Seal(Sessions.Tls12(), 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(40)]
    [InlineData(79)]
    public void TryOpen_Truncated_IsRejected(int length)
    {
        var ring = Ring();
        var ticket = ring.Seal(Sessions.Tls12(), 0);
        Assert.Equal(TicketOpenStatus.Truncated, ring.TryOpen(ticket.AsSpan(0, length), 1, out var state, out _));
        Assert.Null(state);
        Assert.Equal(1, ring.RejectedFor(TicketOpenStatus.Truncated));
    }

    [Fact]
    public void TryOpen_CutShortButLongEnough_FailsTheMac()
    {
        var ring = Ring();
        var ticket = ring.Seal(Sessions.Tls12(), 0);
        Assert.Equal(TicketOpenStatus.BadMac, ring.TryOpen(ticket.AsSpan(0, ticket.Length - 16), 1, out _, out _));
    }

    [Theory]
    [InlineData(TicketCipher.Aes128CbcHmacSha256, 16)]
    [InlineData(TicketCipher.Aes128CbcHmacSha256, 40)]
    [InlineData(TicketCipher.Aes128CbcHmacSha256, 175)]
    [InlineData(TicketCipher.Aes256Gcm, 20)]
    [InlineData(TicketCipher.Aes256Gcm, 60)]
    [InlineData(TicketCipher.Aes256Gcm, 139)]
    public void TryOpen_AnyFlippedBitAfterTheName_IsBadMac(TicketCipher cipher, int index)
    {
        var ring = Ring(cipher);
        var ticket = ring.Seal(Sessions.Tls12(), 0);
        ticket[index] ^= 0x01;
        Assert.Equal(TicketOpenStatus.BadMac, ring.TryOpen(ticket, 1, out var state, out _));
        Assert.Null(state);
    }

    [Fact]
    public void TryOpen_OtherServersKey_IsUnknownKey()
    {
        var ticket = Ring().Seal(Sessions.Tls12(), 0);
        var other = new TicketRotator(new TicketRotatorOptions(TicketCipher.Aes128CbcHmacSha256, 0, 0, 1, 0, false), new SeededRandomBytes(99), 0);
        Assert.Equal(TicketOpenStatus.UnknownKey, other.TryOpen(ticket, 1, out _, out _));
    }

    [Fact]
    public void TryOpen_PastTicketLifetime_IsExpired()
    {
        var ring = Ring(lifetime: 100);
        var ticket = ring.Seal(Sessions.Tls12(createdAt: 0, lifetime: Times.Hour), 0);
        Assert.Equal(TicketOpenStatus.Ok, ring.TryOpen(ticket, 99, out _, out _));
        Assert.Equal(TicketOpenStatus.Expired, ring.TryOpen(ticket, 100, out var state, out _));
        Assert.Null(state);
    }

    [Fact]
    public void TryOpen_PastTheStatesOwnLifetime_IsExpired()
    {
        var ring = Ring();
        var ticket = ring.Seal(Sessions.Tls12(createdAt: 0, lifetime: 50), 0);
        Assert.Equal(TicketOpenStatus.Expired, ring.TryOpen(ticket, 50, out _, out _));
    }

    [Fact]
    public void TryOpen_ValidMacWrongPadding_IsDecryptFailed()
    {
        var name = ManualTicket.Material(16, 1);
        var aes = ManualTicket.Material(16, 2);
        var hmac = ManualTicket.Material(32, 3);
        var ring = Ring();
        ring.InstallKey(TicketKey.FromMaterial(TicketCipher.Aes128CbcHmacSha256, name, aes, hmac, 0), 0);
        var block = new byte[32];
        block[^1] = 0x55;
        var ticket = ManualTicket.SealCbc(name, aes, hmac, block, pad: false);
        Assert.Equal(TicketOpenStatus.DecryptFailed, ring.TryOpen(ticket, 1, out _, out _));
    }

    [Fact]
    public void TryOpen_ValidMacGarbageState_IsMalformed()
    {
        var name = ManualTicket.Material(16, 1);
        var aes = ManualTicket.Material(16, 2);
        var hmac = ManualTicket.Material(32, 3);
        var ring = Ring();
        ring.InstallKey(TicketKey.FromMaterial(TicketCipher.Aes128CbcHmacSha256, name, aes, hmac, 0), 0);
        var ticket = ManualTicket.SealCbc(name, aes, hmac, ManualTicket.Material(90, 4));
        Assert.Equal(TicketOpenStatus.Malformed, ring.TryOpen(ticket, 1, out var state, out _));
        Assert.Null(state);
    }

    [Fact]
    public void TryOpen_CbcBodyNotWholeBlocks_IsRejectedWithoutThrowing()
    {
        var ring = Ring();
        var ticket = ring.Seal(Sessions.Tls12(), 0);
        var longer = new byte[ticket.Length + 3];
        ticket.CopyTo(longer, 0);
        Assert.NotEqual(TicketOpenStatus.Ok, ring.TryOpen(longer, 1, out _, out _));
    }

    [Property]
    public bool TryOpen_ArbitraryBytes_NeverThrowsNorOpens(byte[] bytes)
    {
        var ring = Ring();
        var ticket = ring.Seal(Sessions.Tls12(), 0);
        var forged = bytes ?? [];
        if (forged.Length >= 16)
        {
            ticket.AsSpan(0, 16).CopyTo(forged);
        }

        return ring.TryOpen(forged, 1, out var state, out _) != TicketOpenStatus.Ok && state is null;
    }
}
