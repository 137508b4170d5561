namespace ResumeSim.Tls.Tests;

public sealed class TlsServerState12Tests
{
    [Fact]
    public void Handshake_NothingOffered_FullWithNewStoredId()
    {
        var server = Servers.Tls12(tickets: false);
        var result = server.Handshake(Servers.Fresh12(), 0);
        Assert.Equal(HandshakeOutcome.Full, result.Outcome);
        Assert.Equal(MissReason.NotOffered, result.Miss);
        Assert.False(result.NewSessionId.IsEmpty);
        Assert.True(result.SessionStored);
        Assert.Empty(result.NewTickets);
        Assert.Equal(2, result.RoundTrips);
        Assert.Equal(1, server.Store.Count);
    }

    [Fact]
    public void Handshake_KnownId_ResumedById()
    {
        var server = Servers.Tls12(tickets: false);
        var full = server.Handshake(Servers.Fresh12(), 0);
        var resumed = server.Handshake(Servers.WithId(full.NewSessionId), 10);
        Assert.Equal(HandshakeOutcome.ResumedById, resumed.Outcome);
        Assert.Equal(MissReason.None, resumed.Miss);
        Assert.Equal(StoreLookup.Hit, resumed.StoreResult);
        Assert.Equal(full.Session.MasterSecret.ToArray(), resumed.Session.MasterSecret.ToArray());
        Assert.Equal(1, resumed.RoundTrips);
    }

    [Fact]
    public void Handshake_UnknownId_FullUnknownId()
    {
        var result = Servers.Tls12(tickets: false).Handshake(Servers.WithId(Sessions.Id(5)), 0);
        Assert.Equal(HandshakeOutcome.Full, result.Outcome);
        Assert.Equal(MissReason.UnknownId, result.Miss);
    }

    [Fact]
    public void Handshake_IdPastTimeout_SessionExpired()
    {
        var server = Servers.Tls12(tickets: false, timeout: 100);
        var full = server.Handshake(Servers.Fresh12(), 0);
        Assert.Equal(MissReason.SessionExpired, server.Handshake(Servers.WithId(full.NewSessionId), 100).Miss);
    }

    [Fact]
    public void Handshake_IdToTicketOnlyServer_ResumptionDisabled()
    {
        var result = Servers.Tls12(ids: false).Handshake(Servers.WithId(Sessions.Id(1)), 0);
        Assert.Equal(MissReason.ResumptionDisabled, result.Miss);
    }

    [Fact]
    public void Handshake_TicketToIdOnlyServer_ResumptionDisabled()
    {
        var ticket = Servers.Tls12().Handshake(Servers.Fresh12(), 0).NewTickets[0];
        var result = Servers.Tls12(tickets: false).Handshake(Servers.WithTicket(ticket), 1);
        Assert.Equal(MissReason.ResumptionDisabled, result.Miss);
    }

    [Fact]
    public void Handshake_IdWithOtherServerName_ServerNameMismatch()
    {
        var server = Servers.Tls12(tickets: false);
        var full = server.Handshake(Servers.Fresh12(), 0);
        Assert.Equal(MissReason.ServerNameMismatch, server.Handshake(Servers.WithId(full.NewSessionId, "other.example"), 1).Miss);
    }

    [Fact]
    public void Handshake_FullWithTickets_IssuesOneTicketWithTimeoutHint()
    {
        var result = Servers.Tls12(ids: false, timeout: 300 * Times.Second).Handshake(Servers.Fresh12(), 0);
        var nst = Assert.Single(result.NewSessionTickets);
        Assert.Equal(300u, nst.LifetimeSeconds);
        Assert.Equal(176, nst.Ticket.Length);
        Assert.True(result.NewSessionId.IsEmpty);
    }

    [Fact]
    public void Handshake_FullWithIdsAndTickets_TicketCapableClient_EmptyIdAndNothingCached()
    {
        // OpenSSL ssl_generate_session_id (ssl/ssl_sess.c): a session that will get a ticket
        // (ext.ticket_expected) has an empty ID, and ssl_update_cache never caches an empty ID.
        var server = Servers.Tls12();
        var result = server.Handshake(Servers.Fresh12(), 0);
        Assert.Single(result.NewTickets);
        Assert.True(result.NewSessionId.IsEmpty);
        Assert.False(result.SessionStored);
        Assert.Equal(0, server.Store.Count);
    }

    [Fact]
    public void Handshake_FullWithIdsAndTickets_ClientWithoutTicketSupport_GetsACachedId()
    {
        var server = Servers.Tls12();
        var result = server.Handshake(Servers.Fresh12() with { SupportsTickets = false }, 0);
        Assert.Empty(result.NewTickets);
        Assert.False(result.NewSessionId.IsEmpty);
        Assert.Equal(1, server.Store.Count);
    }

    [Fact]
    public void Handshake_FullWithIdsAndTickets_WithoutTheOpenSslRule_GetsBoth()
    {
        var server = Servers.Tls12(emptyIdWithTicket: false);
        var result = server.Handshake(Servers.Fresh12(), 0);
        Assert.Single(result.NewTickets);
        Assert.False(result.NewSessionId.IsEmpty);
        Assert.Equal(1, server.Store.Count);
    }

    [Fact]
    public void Handshake_ClientWithoutTicketSupport_GetsNoTicket()
    {
        var hello = Servers.Fresh12() with { SupportsTickets = false };
        Assert.Empty(Servers.Tls12().Handshake(hello, 0).NewTickets);
    }

    [Fact]
    public void Handshake_ValidTicket_ResumedByTicketWithoutNewTicket()
    {
        var server = Servers.Tls12(ids: false);
        var ticket = server.Handshake(Servers.Fresh12(), 0).NewTickets[0];
        var result = server.Handshake(Servers.WithTicket(ticket, Sessions.Id(9)), 5);
        Assert.Equal(HandshakeOutcome.ResumedByTicket, result.Outcome);
        Assert.Equal(TicketOpenStatus.Ok, result.TicketStatus);
        Assert.Empty(result.NewTickets);
        Assert.False(result.TicketRenewed);
    }

    [Fact]
    public void Handshake_TicketFromOtherServer_UnknownTicketKey()
    {
        var ticket = Servers.Tls12(rotator: Servers.Rotator(seed: 1)).Handshake(Servers.Fresh12(), 0).NewTickets[0];
        var result = Servers.Tls12(rotator: Servers.Rotator(seed: 2)).Handshake(Servers.WithTicket(ticket), 1);
        Assert.Equal(MissReason.UnknownTicketKey, result.Miss);
        Assert.Equal(TicketOpenStatus.UnknownKey, result.TicketStatus);
    }

    [Fact]
    public void Handshake_TicketAfterKeyErased_TicketKeyRetired()
    {
        var server = Servers.Tls12(rotator: Servers.Rotator(rotate: Times.Hour, keep: Times.Hour));
        var ticket = server.Handshake(Servers.Fresh12(), 0).NewTickets[0];
        server.Tickets!.RotateIfDue(Times.Hour);
        Assert.Equal(MissReason.TicketKeyRetired, server.Handshake(Servers.WithTicket(ticket), 2 * Times.Hour).Miss);
    }

    [Fact]
    public void Handshake_TicketPastSessionTimeout_TicketExpired()
    {
        var server = Servers.Tls12(timeout: 100);
        var ticket = server.Handshake(Servers.Fresh12(), 0).NewTickets[0];
        Assert.Equal(MissReason.TicketExpired, server.Handshake(Servers.WithTicket(ticket), 100).Miss);
    }

    [Fact]
    public void Handshake_TamperedTicket_TicketInvalid_NoFallbackToId()
    {
        var server = Servers.Tls12();
        var full = server.Handshake(Servers.Fresh12(), 0);
        var ticket = (byte[])full.NewTickets[0].Clone();
        ticket[50] ^= 0x80;
        var result = server.Handshake(Servers.WithTicket(ticket, full.NewSessionId), 1);
        Assert.Equal(HandshakeOutcome.Full, result.Outcome);
        Assert.Equal(MissReason.TicketInvalid, result.Miss);
    }

    [Fact]
    public void Handshake_TicketFromTls13Session_VersionMismatch()
    {
        var rotator = Servers.Rotator();
        var tls13 = Servers.Tls13(rotator: rotator);
        var psk = tls13.Handshake(ClientHello.Fresh13(Servers.Host), 0).NewTickets[0];
        var result = Servers.Tls12(rotator: rotator).Handshake(Servers.WithTicket(psk), 1);
        Assert.Equal(MissReason.VersionMismatch, result.Miss);
    }

    [Fact]
    public void Handshake_TicketWithOtherServerName_ServerNameMismatch()
    {
        var server = Servers.Tls12();
        var ticket = server.Handshake(Servers.Fresh12(), 0).NewTickets[0];
        Assert.Equal(MissReason.ServerNameMismatch, server.Handshake(Servers.WithTicket(ticket, sni: "other.example"), 1).Miss);
    }

    [Fact]
    public void Handshake_TicketFromOlderKey_RenewedWithNewestKey()
    {
        var server = Servers.Tls12(rotator: Servers.Rotator(rotate: Times.Hour, keep: 10 * Times.Hour), timeout: Times.Day);
        var ticket = server.Handshake(Servers.Fresh12(), 0).NewTickets[0];
        server.Tickets!.RotateIfDue(Times.Hour);
        var result = server.Handshake(Servers.WithTicket(ticket), 2 * Times.Hour);
        Assert.Equal(HandshakeOutcome.ResumedByTicket, result.Outcome);
        Assert.True(result.TicketRenewed);
        var renewed = Assert.Single(result.NewTickets);
        Assert.Equal(TicketOpenStatus.Ok, server.Tickets.TryOpen(renewed, 2 * Times.Hour + 1, out _, out bool again));
        Assert.False(again);
    }

    [Fact]
    public void Handshake_Tls13ClientAtTls12Server_NegotiatesTls12()
    {
        var result = Servers.Tls12().Handshake(ClientHello.Fresh13(Servers.Host), 0);
        Assert.Equal(TlsVersion.Tls12, result.Version);
        Assert.Equal(TlsVersion.Tls12, result.Session.Version);
    }

    [Fact]
    public void Restart_LosesIdsAndTicketKeys()
    {
        var server = Servers.Tls12(emptyIdWithTicket: false);
        var full = server.Handshake(Servers.Fresh12(), 0);
        server.Restart(5);
        Assert.Equal(MissReason.StoreFlushed, server.Handshake(Servers.WithId(full.NewSessionId), 6).Miss);
        Assert.Equal(MissReason.TicketKeyRetired, server.Handshake(Servers.WithTicket(full.NewTickets[0]), 7).Miss);
    }

    [Fact]
    public void Constructor_TicketsWithoutRotator_Throws()
    {
        var options = new ServerResumptionOptions(TlsVersion.Tls12, true, true);
        Assert.Throws<ArgumentException>(() => new TlsServerState(options, new NoSessionStore(), null, new SeededRandomBytes(1), null));
    }

    [Fact]
    public void Handshake_SameSeeds_SameBytes()
    {
        var a = Servers.Tls12().Handshake(Servers.Fresh12(), 0);
        var b = Servers.Tls12().Handshake(Servers.Fresh12(), 0);
        Assert.Equal(a.NewSessionId, b.NewSessionId);
        Assert.Equal(a.NewTickets[0], b.NewTickets[0]);
    }
}
