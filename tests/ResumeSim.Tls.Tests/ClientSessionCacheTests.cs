namespace ResumeSim.Tls.Tests;

public sealed class ClientSessionCacheTests
{
    private static ClientSession S13(long at = 0, long lifetime = Times.Day, byte mark = 1) =>
        new(TlsVersion.Tls13, SessionId.Empty, [mark], at, lifetime);

    private static ClientSession S12(long at = 0, long lifetime = long.MaxValue) =>
        new(TlsVersion.Tls12, Sessions.Id(1), null, at, lifetime);

    [Fact]
    public void TryTake_Tls13_SingleUse_PopsNewestFirst()
    {
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        cache.Put(7, S13(mark: 1), 0);
        cache.Put(7, S13(mark: 2), 0);
        Assert.True(cache.TryTake(7, 1, out var first));
        Assert.Equal(2, first!.Ticket![0]);
        Assert.True(cache.TryTake(7, 2, out var second));
        Assert.Equal(1, second!.Ticket![0]);
        Assert.False(cache.TryTake(7, 3, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Put_MoreThanSessionsPerKey_KeepsNewest()
    {
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        for (byte i = 1; i <= 5; i++)
        {
            cache.Put(1, S13(mark: i), 0);
        }

        Assert.Equal(2, cache.SessionsFor(1));
        cache.TryTake(1, 0, out var s);
        Assert.Equal(5, s!.Ticket![0]);
    }

    [Fact]
    public void TryTake_Tls12_IsNotRemoved()
    {
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        cache.Put(1, S12(), 0);
        Assert.True(cache.TryTake(1, 1, out _));
        Assert.True(cache.TryTake(1, 2, out _));
    }

    [Fact]
    public void TryTake_Tls13_ReusableWhenPresetIsNotSingleUse()
    {
        var cache = new ClientSessionCache(ClientPresets.GoWithCache);
        cache.Put(1, S13(), 0);
        Assert.True(cache.TryTake(1, 1, out _));
        Assert.True(cache.TryTake(1, 2, out _));
    }

    [Fact]
    public void Put_BeyondCapacity_EvictsLeastRecentlyUsedKey()
    {
        var preset = ClientPresets.Chrome with { CacheEntries = 2 };
        var cache = new ClientSessionCache(preset);
        cache.Put(1, S12(), 0);
        cache.Put(2, S12(), 0);
        cache.TryTake(1, 1, out _);
        cache.Put(3, S12(), 2);
        Assert.True(cache.TryTake(1, 3, out _));
        Assert.False(cache.TryTake(2, 3, out _));
        Assert.True(cache.TryTake(3, 3, out _));
        Assert.Equal(1, cache.Evictions);
    }

    [Fact]
    public void Lookup_PastClientCap_Expired_EvenIfServerAllowedLonger()
    {
        // Chromium sets its TLS 1.2 session timeout to one hour (ssl_client_socket_impl.cc SSL_CTX_set_timeout).
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        cache.Put(1, S12(at: 0, lifetime: Times.Day), 0);
        Assert.Equal(ClientLookup.Hit, cache.Lookup(1, Times.Hour - 1, out _));
        Assert.Equal(ClientLookup.Expired, cache.Lookup(1, Times.Hour, out var s));
        Assert.Null(s);
        Assert.Equal(ClientLookup.Miss, cache.Lookup(1, Times.Hour, out _));
    }

    [Fact]
    public void Lookup_Tls12LifetimeHintShorterThanTheCap_DoesNotEndTheSession()
    {
        // BoringSSL's do_read_session_ticket only stores ticket_lifetime_hint; Chromium's IsExpired reads the
        // session's own time and timeout, so a 5-minute hint does not end a Chrome TLS 1.2 session.
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        cache.Put(1, S12(at: 0, lifetime: 300 * Times.Second), 0);
        Assert.Equal(ClientLookup.Hit, cache.Lookup(1, 30 * Times.Minute, out _));
    }

    [Fact]
    public void RenewedTls12Ticket_KeepsTheFullHandshakesExpiryInChrome()
    {
        // BoringSSL do_read_session_ticket: the renewed session is a copy of the resumed one, rebased
        // (ssl_session_rebase_time), so Chrome still drops it an hour after the full handshake.
        var rotator = Servers.Rotator(rotate: 10 * Times.Minute, keep: Times.Day);
        var server = Servers.Tls12(ids: false, rotator: rotator, timeout: Times.Day);
        var full = server.Handshake(Servers.Fresh12(), 0);
        var first = HeldSession.FromHandshake(full, 0, 0, out var ticket);

        long at = 50 * Times.Minute;
        var resumed = server.Handshake(Servers.WithTicket(ticket!), at);
        Assert.True(resumed.TicketRenewed);
        var renewed = HeldSession.FromHandshake(resumed, 0, at, first, out var renewedTicket);
        Assert.Equal(0, renewed.ReceivedAt);

        var cache = new ClientSessionCache(ClientPresets.Chrome);
        cache.Put(1, new ClientSession(renewed, renewedTicket), at);
        Assert.Equal(ClientLookup.Hit, cache.Lookup(1, Times.Hour - 1, out _));
        Assert.Equal(ClientLookup.Expired, cache.Lookup(1, Times.Hour, out _));
    }

    [Fact]
    public void Put_GoWithCache_KeepsOnlyTicketsAndNeverOffersAnId()
    {
        // Go's loadSession puts only the ticket in a TLS 1.2 ClientHello; a session without one is not kept.
        var cache = new ClientSessionCache(ClientPresets.GoWithCache);
        cache.Put(1, new ClientSession(TlsVersion.Tls12, Sessions.Id(1), null, 0, long.MaxValue), 0);
        Assert.False(cache.TryTake(1, 1, out _));

        cache.Put(1, new ClientSession(TlsVersion.Tls12, Sessions.Id(1), new byte[176], 0, 300 * Times.Second), 0);
        Assert.True(cache.TryTake(1, 30 * Times.Day, out var s));
        Assert.True(s!.SessionId.IsEmpty);
        Assert.Equal(176, s.Ticket!.Length);
    }

    [Fact]
    public void Lookup_PastServerLifetime_Expired()
    {
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        cache.Put(1, S13(at: 0, lifetime: 100), 0);
        Assert.Equal(ClientLookup.Expired, cache.Lookup(1, 100, out _));
    }

    [Fact]
    public void ApiClient_StoresNothing()
    {
        var cache = new ClientSessionCache(ClientPresets.ApiClient);
        cache.Put(1, S12(), 0);
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryTake(1, 0, out _));
    }

    [Fact]
    public void Clear_AndRemove_ForgetSessions()
    {
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        cache.Put(1, S12(), 0);
        cache.Put(2, S12(), 0);
        Assert.True(cache.Remove(1));
        Assert.False(cache.Remove(1));
        Assert.Equal(1, cache.Count);
        cache.Clear();
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryTake(2, 0, out _));
    }

    [Fact]
    public void Remove_FirstKey_MovesLastKeyWithItsOlderSessionsIntoItsPlace()
    {
        // The first key lives inline and the others in an array: removing the first moves the last
        // one (newest and older sessions) across that boundary, and a cleared cache starts over inline.
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        for (int o = 0; o < 3; o++)
        {
            cache.Put(o, S13(mark: (byte)((o * 10) + 1)), 0);
            cache.Put(o, S13(mark: (byte)((o * 10) + 2)), 0);
        }

        Assert.True(cache.Remove(0));
        Assert.Equal(2, cache.Count);
        Assert.Equal(4, cache.SessionCount);
        foreach (int o in new[] { 2, 1 })
        {
            Assert.True(cache.TryTake(o, 1, out var newest));
            Assert.Equal((o * 10) + 2, newest!.Ticket![0]);
            Assert.True(cache.TryTake(o, 1, out var older));
            Assert.Equal((o * 10) + 1, older!.Ticket![0]);
        }

        Assert.Equal(0, cache.Count);
        cache.Put(5, S13(mark: 51), 2);
        cache.Put(6, S13(mark: 61), 2);
        cache.Clear();
        Assert.Equal(0, cache.SessionCount);
        cache.Put(7, S13(mark: 71), 3);
        Assert.Equal(1, cache.SessionCount);
        Assert.False(cache.TryTake(5, 3, out _));
        Assert.True(cache.TryTake(7, 3, out var last));
        Assert.Equal(71, last!.Ticket![0]);
    }

    [Fact]
    public void ManyOrigins_EachKeepsItsOwnSessions()
    {
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        for (int o = 0; o < 300; o++)
        {
            cache.Put(o, S13(mark: (byte)o), 0);
        }

        for (int o = 299; o >= 0; o--)
        {
            Assert.True(cache.TryTake(o, 1, out var s));
            Assert.Equal((byte)o, s!.Ticket![0]);
        }

        Assert.Equal(0, cache.SessionCount);
    }

    [Fact]
    public void FromHandshake_Tls13_OneSessionPerTicket_RoundTripsToServer()
    {
        var server = Servers.Tls13();
        var full = server.Handshake(ClientHello.Fresh13(Servers.Host), 0);
        var sessions = ClientSession.FromHandshake(full, 0);
        Assert.Equal(2, sessions.Count);
        var cache = new ClientSessionCache(ClientPresets.Chrome);
        foreach (var s in sessions)
        {
            cache.Put(0, s, 0);
        }

        Assert.True(cache.TryTake(0, Times.Second, out var session));
        var resumed = server.Handshake(ClientHello.Resume13(session!, Servers.Host, Times.Second), Times.Second);
        Assert.Equal(HandshakeOutcome.PskDhe, resumed.Outcome);
    }

    [Fact]
    public void FromHandshake_Tls12_KeepsIdAndTicket()
    {
        var server = Servers.Tls12();
        var full = server.Handshake(Servers.Fresh12(), 0);
        var session = Assert.Single(ClientSession.FromHandshake(full, 0));
        Assert.Equal(full.NewSessionId, session.SessionId);
        Assert.NotNull(session.Ticket);
        var resumed = server.Handshake(ClientHello.Resume12(session, Servers.Host), 1);
        Assert.Equal(HandshakeOutcome.ResumedByTicket, resumed.Outcome);
        Assert.Empty(ClientSession.FromHandshake(resumed, 1));
    }

    [Fact]
    public void ObfuscatedAge_AddsAgeAddModulo2To32()
    {
        var s = new ClientSession(TlsVersion.Tls13, SessionId.Empty, [1], 0, Times.Day, ageAdd: uint.MaxValue);
        Assert.Equal(999u, s.ObfuscatedAge(1000 * Nanoseconds.PerMillisecond));
    }
}
