namespace ResumeSim.Tls.Tests;

/// <summary>
/// OpenSSL 3.0's automatic flush of its internal cache: <c>ssl_update_cache</c> (ssl/ssl_lib.c) calls
/// <c>SSL_CTX_flush_sessions</c> when <c>(sess_accept_good &amp; 0xff) == 0xff</c>, and
/// <c>tls_finish_handshake</c> (ssl/statem/statem_lib.c) counts every successful handshake, full or
/// resumed, in <c>sess_accept_good</c> right after. <c>ssl_update_cache</c> returns before the check for
/// a session without an id. The flush walks from the oldest session and stops at the first that has
/// not timed out.
/// </summary>
public sealed class OpenSslFlushTests
{
    [Fact]
    public void Store_FlushesExpiredOnThe256thHandshake_NotBefore()
    {
        var options = SessionStorePresets.OpenSsl();
        var store = new EvictingSessionStore(options);
        for (int i = 0; i < 100; i++)
        {
            store.Put(Sessions.Id(i), Sessions.Tls12(), 0);
        }

        long later = options.TimeoutNs + (2 * Times.Second);
        for (int handshake = 1; handshake <= 255; handshake++)
        {
            store.OnHandshakeFinished(later, sessionHasId: true);
        }

        Assert.Equal(100, store.Count);
        store.OnHandshakeFinished(later, sessionHasId: true);
        Assert.Equal(0, store.Count);
        Assert.Equal(100, store.Counters.Expired);
    }

    [Fact]
    public void Store_PutsAloneNeverFlush()
    {
        var options = SessionStorePresets.OpenSsl();
        var store = new EvictingSessionStore(options);
        store.Put(Sessions.Id(0), Sessions.Tls12(), 0);
        long later = options.TimeoutNs + (2 * Times.Second);
        for (int i = 1; i <= 600; i++)
        {
            store.Put(Sessions.Id(i), Sessions.Tls12(later), later);
        }

        Assert.Equal(601, store.Count);
        Assert.Equal(600, store.Live(later).Entries);
    }

    [Fact]
    public void Store_HandshakeOfASessionWithoutId_CountsButDoesNotFlush()
    {
        var options = SessionStorePresets.OpenSsl();
        var store = new EvictingSessionStore(options);
        store.Put(Sessions.Id(0), Sessions.Tls12(), 0);
        long later = options.TimeoutNs + (2 * Times.Second);
        for (int handshake = 1; handshake <= 255; handshake++)
        {
            store.OnHandshakeFinished(later, sessionHasId: true);
        }

        // The 256th session has no id: ssl_update_cache returns early, the counter still moves on.
        store.OnHandshakeFinished(later, sessionHasId: false);
        Assert.Equal(1, store.Count);
        for (int handshake = 257; handshake <= 511; handshake++)
        {
            store.OnHandshakeFinished(later, sessionHasId: true);
        }

        Assert.Equal(1, store.Count);
        store.OnHandshakeFinished(later, sessionHasId: true);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Server_FullAndResumedHandshakesBothCountTowardTheFlush()
    {
        var options = SessionStorePresets.OpenSsl() with { TimeoutNs = 10 * Times.Second };
        var store = new EvictingSessionStore(options);
        var server = Servers.Tls12(tickets: false, store: store, timeout: 10 * Times.Second);

        // Handshake 1 (full) makes the session every later one resumes; it expires at 11 s (time 0 + 10,
        // timed out once now > 10). Handshakes 2-255 resume it before then.
        var first = server.Handshake(Servers.Fresh12(), 0);
        var id = first.NewSessionId;
        for (int handshake = 2; handshake <= 255; handshake++)
        {
            Assert.Equal(HandshakeOutcome.ResumedById, server.Handshake(Servers.WithId(id), Times.Second).Outcome);
        }

        // A full handshake at 20 s adds a session: 2 held, the old one expired but not swept. It is the
        // 256th: the flush sweeps the expired one before anything looks it up.
        server.Handshake(Servers.Fresh12(), 20 * Times.Second);
        Assert.Equal(1, store.Count);
        Assert.Equal(1, store.Counters.Expired);
        Assert.Equal(0, store.Counters.ExpiredOnLookup);
    }

    [Fact]
    public void Server_NginxZoneStore_DoesNotFlushOnHandshakes()
    {
        var store = new EvictingSessionStore(SessionStorePresets.NginxSessions(100) with { TimeoutNs = 10 * Times.Second });
        var server = Servers.Tls12(tickets: false, store: store, timeout: 10 * Times.Second);
        for (int i = 0; i < 4; i++)
        {
            server.Handshake(Servers.Fresh12(), 0);
        }

        var id = server.Handshake(Servers.Fresh12(), 9 * Times.Second).NewSessionId;
        for (int handshake = 6; handshake <= 600; handshake++)
        {
            Assert.Equal(HandshakeOutcome.ResumedById, server.Handshake(Servers.WithId(id), 12 * Times.Second).Outcome);
        }

        // nginx sweeps only when it stores a session (ngx_ssl_expire_sessions from ngx_ssl_new_session),
        // so the four expired sessions stay in the zone while nothing new is stored.
        Assert.Equal(5, store.Count);
        Assert.Equal(1, store.Live(12 * Times.Second).Entries);
    }
}
