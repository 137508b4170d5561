namespace ResumeSim.Tls.Tests;

public sealed class TicketRotationTests
{
    private static TicketRotator Ring(long rotate, long keep, int maxKeys = 10, bool renew = true) =>
        new(new TicketRotatorOptions(TicketCipher.Aes128CbcHmacSha256, rotate, keep, maxKeys, 0, renew), new SeededRandomBytes(3), 0);

    [Fact]
    public void Seal_AfterRotationInterval_RotatesLazily()
    {
        var ring = Ring(rotate: Times.Hour, keep: 2 * Times.Hour);
        var first = ring.CurrentKey!;
        ring.Seal(Sessions.Tls12(lifetime: Times.Day), Times.Hour - 1);
        Assert.Same(first, ring.CurrentKey);

        ring.Seal(Sessions.Tls12(lifetime: Times.Day), Times.Hour);
        Assert.NotSame(first, ring.CurrentKey);
        Assert.Equal(Times.Hour, first.StoppedEncryptingAt);
        Assert.Equal(Times.Hour, ring.CurrentKey!.CreatedAt);
        Assert.Equal(2, ring.ActiveKeys.Count);
        Assert.Equal(1, first.TicketsSealed);
    }

    [Fact]
    public void TryOpen_OlderKeyWithinKeepWindow_OpensAndAsksForRenewal()
    {
        var ring = Ring(rotate: Times.Hour, keep: 2 * Times.Hour);
        var ticket = ring.Seal(Sessions.Tls12(lifetime: Times.Day), 30 * Times.Minute);
        Assert.True(ring.RotateIfDue(Times.Hour));

        Assert.Equal(TicketOpenStatus.Ok, ring.TryOpen(ticket, 3 * Times.Hour - 1, out _, out bool renew));
        Assert.True(renew);
    }

    [Fact]
    public void TryOpen_NewestKey_DoesNotAskForRenewal()
    {
        var ring = Ring(rotate: Times.Hour, keep: Times.Hour);
        var ticket = ring.Seal(Sessions.Tls12(lifetime: Times.Day), 0);
        Assert.Equal(TicketOpenStatus.Ok, ring.TryOpen(ticket, 10, out _, out bool renew));
        Assert.False(renew);
    }

    [Fact]
    public void TryOpen_AfterKeepWindow_IsKeyRetired_AndErasureIsRecorded()
    {
        var ring = Ring(rotate: Times.Hour, keep: 2 * Times.Hour);
        var first = ring.CurrentKey!;
        var ticket = ring.Seal(Sessions.Tls12(lifetime: Times.Day), 0);
        ring.RotateIfDue(Times.Hour);

        Assert.Equal(TicketOpenStatus.KeyRetired, ring.TryOpen(ticket, 3 * Times.Hour, out _, out _));
        Assert.True(first.IsErased);
        Assert.Equal(3 * Times.Hour, first.ErasedAt);
        Assert.Contains(first, ring.RetiredKeys);
        Assert.DoesNotContain(first, ring.ActiveKeys);
    }

    [Fact]
    public void RotateIfDue_BeforeInterval_DoesNothing()
    {
        var ring = Ring(rotate: Times.Hour, keep: Times.Hour);
        Assert.False(ring.RotateIfDue(Times.Hour - 1));
        Assert.Single(ring.ActiveKeys);
    }

    [Fact]
    public void RotateIfDue_ZeroKeep_OnlyNewestDecrypts()
    {
        var ring = Ring(rotate: Times.Hour, keep: 0);
        var ticket = ring.Seal(Sessions.Tls12(lifetime: Times.Day), 0);
        ring.RotateIfDue(Times.Hour);
        Assert.Single(ring.ActiveKeys);
        Assert.Equal(TicketOpenStatus.KeyRetired, ring.TryOpen(ticket, Times.Hour, out _, out _));
    }

    [Fact]
    public void MaxKeys_BoundsTheRing_OldestErasedFirst()
    {
        var ring = Ring(rotate: Times.Hour, keep: Times.Day, maxKeys: 3);
        var first = ring.CurrentKey!;
        for (int h = 1; h <= 5; h++)
        {
            ring.RotateIfDue(h * Times.Hour);
            Assert.True(ring.ActiveKeys.Count <= 3);
        }

        Assert.Equal(3, ring.ActiveKeys.Count);
        Assert.Equal(3, ring.RetiredKeys.Count);
        Assert.Same(first, ring.RetiredKeys[0]);
        Assert.Equal(3 * Times.Hour, first.ErasedAt);
    }

    [Fact]
    public void InstallKey_SharedAcrossServers_EachOpensTheOthersTickets()
    {
        var central = TicketKey.Generate(TicketCipher.Aes128CbcHmacSha256, new SeededRandomBytes(11), 0);
        var a = new TicketRotator(new TicketRotatorOptions(TicketCipher.Aes128CbcHmacSha256, 0, Times.Hour, 3, 0, true), new SeededRandomBytes(1), 0, generateFirstKey: false);
        var b = new TicketRotator(new TicketRotatorOptions(TicketCipher.Aes128CbcHmacSha256, 0, Times.Hour, 3, 0, true), new SeededRandomBytes(2), 0, generateFirstKey: false);
        Assert.True(a.InstallKey(central, 5));
        Assert.True(b.InstallKey(central, 9));
        Assert.False(b.InstallKey(central, 10));

        var ticket = a.Seal(Sessions.Tls12(), 20);
        Assert.Equal(TicketOpenStatus.Ok, b.TryOpen(ticket, 21, out _, out _));
        Assert.Equal(1, a.CurrentKey!.TicketsSealed);
        Assert.Equal(0, b.CurrentKey!.TicketsSealed);
        Assert.Equal(0, central.TicketsSealed);
    }

    [Fact]
    public void InstallKey_NewKey_TakesOverSealing_PreviousStillDecrypts()
    {
        var ring = Ring(rotate: 0, keep: Times.Hour);
        var old = ring.CurrentKey!;
        var ticket = ring.Seal(Sessions.Tls12(lifetime: Times.Day), 0);
        ring.InstallKey(TicketKey.Generate(TicketCipher.Aes128CbcHmacSha256, new SeededRandomBytes(12), 50), 100);
        Assert.Equal(100, old.StoppedEncryptingAt);
        Assert.Equal(TicketOpenStatus.Ok, ring.TryOpen(ticket, 200, out _, out bool renew));
        Assert.True(renew);
    }

    [Fact]
    public void Clear_ServerRestart_ErasesAllKeys_TicketsBecomeKeyRetired()
    {
        var ring = Ring(rotate: Times.Hour, keep: Times.Hour);
        var ticket = ring.Seal(Sessions.Tls12(lifetime: Times.Day), 0);
        ring.Clear(10);
        Assert.Empty(ring.ActiveKeys);
        Assert.Equal(10, ring.RetiredKeys[0].ErasedAt);
        Assert.Equal(TicketOpenStatus.KeyRetired, ring.TryOpen(ticket, 11, out _, out _));

        var fresh = ring.Seal(Sessions.Tls12(lifetime: Times.Day), 12);
        Assert.Equal(TicketOpenStatus.Ok, ring.TryOpen(fresh, 13, out _, out _));
        Assert.Equal(12, ring.CurrentKey!.CreatedAt);
    }

    [Fact]
    public void Presets_AreValid()
    {
        TicketRotatorOptions[] presets =
        [
            TicketRotatorPresets.OpenSsl(), TicketRotatorPresets.NginxAuto(300 * Times.Second), TicketRotatorPresets.Go(),
            TicketRotatorPresets.Rustls(), TicketRotatorPresets.BoringSsl(), TicketRotatorPresets.Cloudflare2015(), TicketRotatorPresets.Twitter2013(),
        ];
        foreach (var p in presets)
        {
            p.Validate();
            Assert.NotNull(new TicketRotator(p, new SeededRandomBytes(1), 0).CurrentKey);
        }
    }
}
