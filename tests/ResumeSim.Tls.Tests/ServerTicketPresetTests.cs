namespace ResumeSim.Tls.Tests;

/// <summary>The ticket rules of real servers (<see cref="ServerTicketPresets"/>), each against the source it copies.</summary>
public sealed class ServerTicketPresetTests
{
    private static ClientHello Fresh13 => ClientHello.Fresh13(Servers.Host);

    [Fact]
    public void Nginx_TicketLifetimeIsTheSessionTimeout_FiveMinutesByDefault()
    {
        // ngx_http_ssl_module.c merges ssl_session_timeout to 300 s and ngx_ssl_session_cache passes it to
        // SSL_CTX_set_timeout; OpenSSL's ssl_get_prev_session refuses a ticket older than that.
        var preset = ServerTicketPresets.Nginx(ServerTicketPresets.NginxTimeoutNs);
        var server = Tls12Server(preset);
        var ticket = server.Handshake(Servers.Fresh12(), 0).NewTickets[0];

        Assert.Equal(HandshakeOutcome.ResumedByTicket, server.Handshake(Servers.WithTicket(ticket), 299 * Times.Second).Outcome);
        Assert.Equal(MissReason.TicketExpired, server.Handshake(Servers.WithTicket(ticket), 300 * Times.Second).Miss);
    }

    [Fact]
    public void Nginx_KeySealsForOneTimeoutAndDecryptsForOneMore_RenewingTls12()
    {
        // ngx_ssl_rotate_ticket_keys: a key seals for about T and still decrypts for about T; a TLS 1.2 ticket
        // found under the previous key is re-issued (ngx_ssl_ticket_key_callback returns 2).
        long t = 600 * Times.Second;
        var preset = ServerTicketPresets.Nginx(t) with { Rotator = ServerTicketPresets.Nginx(t).Rotator with { TicketLifetimeNs = 2 * t } };
        var server = Tls12Server(preset, timeout: 2 * t);
        var ticket = server.Handshake(Servers.Fresh12(), 0).NewTickets[0];

        server.Tickets!.RotateIfDue(t);
        var renewed = server.Handshake(Servers.WithTicket(ticket), t + Times.Second);
        Assert.Equal(HandshakeOutcome.ResumedByTicket, renewed.Outcome);
        Assert.True(renewed.TicketRenewed);

        Assert.Equal(MissReason.TicketKeyRetired, server.Handshake(Servers.WithTicket(ticket), (2 * t) + Times.Second).Miss);
    }

    [Fact]
    public void Nginx_Tls13ResumptionTicketsKeepTheFullHandshakesExpiry()
    {
        // ngx_ssl_info_callback (1.23.2+): a TLS 1.3 session's time and timeout are rebased so it still
        // expires ssl_session_timeout after the full handshake.
        var server = Tls13Server(ServerTicketPresets.Nginx(300 * Times.Second));
        var full = server.Handshake(Fresh13, 0);
        var resumed = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 200 * Times.Second), 200 * Times.Second);

        var next = Assert.Single(resumed.NewSessionTickets);
        Assert.Equal(100u, next.LifetimeSeconds);
        Assert.Equal(MissReason.TicketExpired, server.Handshake(Servers.Psk(next, 200 * Times.Second, 300 * Times.Second), 300 * Times.Second).Miss);
    }

    [Fact]
    public void Nginx122_Tls13ChainRenewsForAsLongAsTheClientComesBackWithinTheTimeout()
    {
        // OpenSSL's tls_construct_new_session_ticket restarts a TLS 1.3 session's clock at every ticket, and
        // nginx 1.22.1 does not rebase it.
        var server = Tls13Server(ServerTicketPresets.Nginx122(300 * Times.Second));
        var ticket = server.Handshake(Fresh13, 0).NewSessionTickets[0];
        long issuedAt = 0;
        for (long at = 250; at <= 2500; at += 250)
        {
            var result = server.Handshake(Servers.Psk(ticket, issuedAt, at * Times.Second), at * Times.Second);
            Assert.Equal(HandshakeOutcome.PskDhe, result.Outcome);
            ticket = Assert.Single(result.NewSessionTickets);
            Assert.Equal(300u, ticket.LifetimeSeconds);
            issuedAt = at * Times.Second;
        }
    }

    [Fact]
    public void Nginx_EarlyDataWithoutAntiReplay_AcceptsAReplayedTicket()
    {
        // ngx_ssl_create sets SSL_OP_NO_ANTI_REPLAY: tickets stay stateless and 0-RTT is accepted again.
        var server = Tls13Server(ServerTicketPresets.Nginx(300 * Times.Second), earlyData: true);
        var full = server.Handshake(Fresh13, 0);
        var hello = Servers.Psk(full.NewSessionTickets[0], 0, Times.Minute, early: true);

        Assert.Equal(EarlyDataStatus.Accepted, server.Handshake(hello, Times.Minute).EarlyData);
        Assert.Equal(EarlyDataStatus.Accepted, server.Handshake(hello, Times.Minute + Times.Second).EarlyData);
        Assert.Equal(0, server.Store.Count);
    }

    [Fact]
    public void OpenSsl_EarlyDataOn_TicketsAreSingleUseEntriesOfTheServersOwnCache()
    {
        // OpenSSL: max_early_data > 0 without SSL_OP_NO_ANTI_REPLAY makes every ticket the 32-byte ID of a cached
        // session (construct_stateful_ticket), removed when used (tls_parse_ctos_psk), early data or not.
        var server = Tls13Server(ServerTicketPresets.OpenSsl, earlyData: true);
        var full = server.Handshake(Fresh13, 0);
        Assert.All(full.NewTickets, t => Assert.Equal(SessionId.Length, t.Length));
        Assert.Equal(2, server.Store.Count);

        var zeroRtt = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, Times.Minute, early: true), Times.Minute);
        Assert.Equal(HandshakeOutcome.ZeroRtt, zeroRtt.Outcome);
        var replay = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, Times.Minute + 1, early: true), Times.Minute + 1);
        Assert.Equal((HandshakeOutcome.Full, MissReason.UnknownId), (replay.Outcome, replay.Miss));

        var other = Tls13Server(ServerTicketPresets.OpenSsl, earlyData: true);
        Assert.Equal(MissReason.UnknownId, other.Handshake(Servers.Psk(full.NewSessionTickets[1], 0, 5), 5).Miss);
    }

    [Fact]
    public void OpenSsl_Tls12TicketResumption_IssuesNoNewTicket()
    {
        // tls_decrypt_ticket returns SSL_TICKET_SUCCESS for the context's own key, so ticket_expected stays 0.
        var server = Tls12Server(ServerTicketPresets.OpenSsl);
        var ticket = server.Handshake(Servers.Fresh12(), 0).NewTickets[0];
        var resumed = server.Handshake(Servers.WithTicket(ticket), Times.Hour);
        Assert.Equal(HandshakeOutcome.ResumedByTicket, resumed.Outcome);
        Assert.Empty(resumed.NewTickets);
        Assert.Equal(MissReason.TicketExpired, server.Handshake(Servers.WithTicket(ticket), 2 * Times.Hour).Miss);
    }

    [Fact]
    public void HaProxyKeyFiles_Tls13ResumptionWithTheSealingKey_GetsNoTicket()
    {
        // ssl_tlsext_ticket_key_cb returns 1 for the sealing key: OpenSSL then sends no TLS 1.3 ticket after
        // the resumption; a ticket opened with another of the 3 keys is renewed.
        var preset = ServerTicketPresets.HaProxy;
        var rotator = new TicketRotator(
            preset.Rotator with { RotateEveryNs = Times.Hour, KeepNs = 2 * Times.Hour, MaxKeys = preset.SharedKeysHeld, RenewWhenOldKey = preset.SharedKeysRenew },
            new SeededRandomBytes(3),
            0);
        var options = Tls13Options(preset) with { Tls13RenewOnlyWithOldKey = preset.SharedKeysTls13RenewOnlyWithOldKey };
        var server = Servers.Tls13(options, rotator: rotator);
        var full = server.Handshake(Fresh13, 0);

        Assert.Empty(server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, Times.Minute), Times.Minute).NewSessionTickets);
        rotator.RotateIfDue(Times.Hour);
        Assert.Single(server.Handshake(Servers.Psk(full.NewSessionTickets[1], 0, Times.Hour + 1), Times.Hour + 1).NewSessionTickets);
    }

    [Theory]
    [InlineData("nginx-1.22", 2, 1)]
    [InlineData("haproxy", 2, 1)]
    [InlineData("nginx", 0, 0)]
    public void SharedCache_Tls13TicketSessionsLandInTheStore_BeforeNginx1232(string name, int afterFull, int afterResumption)
    {
        // OpenSSL calls new_session_cb for every TLS 1.3 ticket; nginx 1.22.1's ngx_ssl_new_session and HAProxy's
        // sh_ssl_sess_new_cb store it, nginx 1.23.2 returns early for TLS 1.3 with tickets on.
        Assert.True(ServerTicketPresets.TryGet(name, 300 * Times.Second, out var preset));
        var options = Tls13Options(preset) with { SessionIds = true, CachesStatelessTls13Sessions = preset.CachesStatelessTls13Sessions };
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 100, 0, 0, 300 * Times.Second));
        var server = new TlsServerState(options, store, new TicketRotator(preset.Rotator, new SeededRandomBytes(1), 0), new SeededRandomBytes(2), null);

        var full = server.Handshake(Fresh13, 0);
        Assert.Equal(afterFull, store.Count);
        server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, Times.Second), Times.Second);
        Assert.Equal(afterFull + afterResumption, store.Count);
        Assert.All(full.NewTickets, t => Assert.NotEqual(SessionId.Length, t.Length));
    }

    [Fact]
    public void Presets_AllNamesResolve_CaseInsensitive()
    {
        foreach (var name in ServerTicketPresets.Names)
        {
            Assert.True(ServerTicketPresets.TryGet(name.ToUpperInvariant(), 300 * Times.Second, out var preset));
            Assert.Equal(name, preset.Name);
            preset.Rotator.Validate();
            Assert.False(string.IsNullOrEmpty(preset.Source));
        }

        Assert.False(ServerTicketPresets.TryGet("apache", 300 * Times.Second, out _));
    }

    private static TlsServerState Tls12Server(ServerTicketPreset preset, long? timeout = null)
    {
        var options = new ServerResumptionOptions(TlsVersion.Tls12, SessionIds: false, Tickets: true)
        {
            SessionTimeoutNs = timeout ?? preset.Rotator.TicketLifetimeNs,
        };
        var rotator = new TicketRotator(preset.Rotator, new SeededRandomBytes(7), 0);
        return new TlsServerState(options, new NoSessionStore(), rotator, new SeededRandomBytes(8), null);
    }

    private static ServerResumptionOptions Tls13Options(ServerTicketPreset preset, bool earlyData = false) =>
        new(TlsVersion.Tls13, SessionIds: false, Tickets: true, preset.Tls13TicketsAfterFull, preset.Tls13TicketsAfterResumption, earlyData, preset.Rotator.TicketLifetimeNs)
        {
            AntiReplay = preset.AntiReplay,
            Tls13AbsoluteExpiry = preset.Tls13AbsoluteExpiry,
            SessionTimeoutNs = preset.Rotator.TicketLifetimeNs,
        };

    private static TlsServerState Tls13Server(ServerTicketPreset preset, bool earlyData = false)
    {
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 20480, 0, 0, preset.Rotator.TicketLifetimeNs));
        var rotator = new TicketRotator(preset.Rotator, new SeededRandomBytes(5), 0);
        return new TlsServerState(Tls13Options(preset, earlyData), store, rotator, new SeededRandomBytes(6), null);
    }
}
