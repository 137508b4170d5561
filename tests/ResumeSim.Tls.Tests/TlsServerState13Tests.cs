namespace ResumeSim.Tls.Tests;

public sealed class TlsServerState13Tests
{
    private static ServerResumptionOptions Options(bool earlyData = false, long lifetime = 7200 * Times.Second) =>
        new(TlsVersion.Tls13, SessionIds: false, Tickets: true, AcceptEarlyData: earlyData, Tls13TicketLifetimeNs: lifetime, Certificate: CertificateKind.Rsa2048);

    private static ClientHello Fresh => ClientHello.Fresh13(Servers.Host);

    [Fact]
    public void Handshake_Full_IssuesTwoTicketsWithOwnAgeAdd_OpenSslDefault()
    {
        var result = Servers.Tls13().Handshake(Fresh, 0);
        Assert.Equal(HandshakeOutcome.Full, result.Outcome);
        Assert.Equal(MissReason.NotOffered, result.Miss);
        Assert.Equal(2, result.NewSessionTickets.Count);
        Assert.NotEqual(result.NewSessionTickets[0].AgeAdd, result.NewSessionTickets[1].AgeAdd);
        Assert.NotEqual(result.NewSessionTickets[0].Nonce, result.NewSessionTickets[1].Nonce);
        Assert.All(result.NewSessionTickets, t => Assert.Equal(7200u, t.LifetimeSeconds));
        Assert.Equal(1, result.RoundTrips);
        Assert.Equal(result.NewSessionTickets[0].AgeAdd, result.TicketAgeAdd);
    }

    [Fact]
    public void Handshake_Resumption_IssuesOneTicket_PskDhe()
    {
        var server = Servers.Tls13();
        var full = server.Handshake(Fresh, 0);
        var result = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1000), 1000);
        Assert.Equal(HandshakeOutcome.PskDhe, result.Outcome);
        Assert.True(result.PskWithDhe);
        Assert.Single(result.NewSessionTickets);
        Assert.Equal(full.Session.AuthTime, result.Session.AuthTime);
    }

    [Theory]
    [InlineData(4, 3)]
    [InlineData(0, 0)]
    [InlineData(16, 16)]
    public void Handshake_TicketCounts_FollowServerSetting(int afterFull, int afterResumption)
    {
        var options = Options() with { Tls13TicketsAfterFull = afterFull, Tls13TicketsAfterResumption = afterResumption };
        var server = Servers.Tls13(options);
        var full = server.Handshake(Fresh, 0);
        Assert.Equal(afterFull, full.NewTickets.Count);
        if (afterFull > 0)
        {
            Assert.Equal(afterResumption, server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 5), 5).NewTickets.Count);
        }
    }

    [Fact]
    public void Options_MoreThan16Tickets_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Servers.Tls13(Options() with { Tls13TicketsAfterFull = 17 }));
    }

    [Fact]
    public void Options_LifetimeOverSevenDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Servers.Tls13(Options(lifetime: 7 * Times.Day + Times.Second)));
        Servers.Tls13(Options(lifetime: 7 * Times.Day));
    }

    [Fact]
    public void NewSessionTicket_LifetimeOverSevenDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NewSessionTicket(TlsVersion.Tls13, 604801, 0, 0, [1]));
        Assert.Equal(604801u, new NewSessionTicket(TlsVersion.Tls12, 604801, 0, 0, [1]).LifetimeSeconds);
    }

    [Fact]
    public void Handshake_PastTicketLifetime_TicketExpired()
    {
        var server = Servers.Tls13(Options(lifetime: Times.Hour));
        var full = server.Handshake(Fresh, 0);
        Assert.Equal(HandshakeOutcome.PskDhe, server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, Times.Hour - 1), Times.Hour - 1).Outcome);
        Assert.Equal(MissReason.TicketExpired, server.Handshake(Servers.Psk(full.NewSessionTickets[1], 0, Times.Hour), Times.Hour).Miss);
    }

    [Fact]
    public void Handshake_ResumptionChain_CappedAtSevenDaysFromAuthentication()
    {
        var server = Servers.Tls13(Options(lifetime: 7 * Times.Day));
        var full = server.Handshake(Fresh, 0);
        var sixDays = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 6 * Times.Day), 6 * Times.Day);
        var renewed = Assert.Single(sixDays.NewSessionTickets);
        Assert.Equal((uint)(Times.Day / Times.Second), renewed.LifetimeSeconds);

        long sevenDays = 7 * Times.Day;
        Assert.Equal(MissReason.TicketExpired, server.Handshake(Servers.Psk(renewed, 6 * Times.Day, sevenDays), sevenDays).Miss);
    }

    [Fact]
    public void Handshake_PskKeOnly_NotAllowedByDefault_NoCommonPskMode()
    {
        var server = Servers.Tls13();
        var full = server.Handshake(Fresh, 0);
        var result = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1, PskModes.PskKe), 1);
        Assert.Equal(MissReason.NoCommonPskMode, result.Miss);
    }

    [Fact]
    public void Handshake_NoPskModes_NoCommonPskMode()
    {
        var server = Servers.Tls13();
        var full = server.Handshake(Fresh, 0);
        Assert.Equal(MissReason.NoCommonPskMode, server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1, PskModes.None), 1).Miss);
    }

    [Theory]
    [InlineData(PskModes.PskKe, true, HandshakeOutcome.Psk)]
    [InlineData(PskModes.Both, true, HandshakeOutcome.PskDhe)]
    [InlineData(PskModes.Both, false, HandshakeOutcome.Psk)]
    [InlineData(PskModes.PskDheKe, false, HandshakeOutcome.PskDhe)]
    public void Handshake_PskModeChoice(PskModes modes, bool preferDhe, HandshakeOutcome expected)
    {
        var server = Servers.Tls13(Options() with { AllowPskKe = true, PreferPskDhe = preferDhe });
        var full = server.Handshake(Fresh, 0);
        var result = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1, modes), 1);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == HandshakeOutcome.PskDhe, result.PskWithDhe);
    }

    [Fact]
    public void Handshake_Tls12TicketAsPsk_VersionMismatch()
    {
        var rotator = Servers.Rotator();
        var tls12Ticket = Servers.Tls12(rotator: rotator).Handshake(Servers.Fresh12(), 0).NewSessionTickets[0];
        var result = Servers.Tls13(rotator: rotator).Handshake(Servers.Psk(new NewSessionTicket(TlsVersion.Tls13, 100, 0, 0, tls12Ticket.Ticket), 0, 1), 1);
        Assert.Equal(MissReason.VersionMismatch, result.Miss);
    }

    [Fact]
    public void Handshake_PskWithOtherServerName_ServerNameMismatch()
    {
        var server = Servers.Tls13();
        var full = server.Handshake(Fresh, 0);
        Assert.Equal(MissReason.ServerNameMismatch, server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1, sni: "other.example"), 1).Miss);
    }

    [Fact]
    public void Handshake_PskFromOtherServer_UnknownTicketKey()
    {
        var ticket = Servers.Tls13(rotator: Servers.Rotator(seed: 1)).Handshake(Fresh, 0).NewSessionTickets[0];
        var result = Servers.Tls13(rotator: Servers.Rotator(seed: 2)).Handshake(Servers.Psk(ticket, 0, 1), 1);
        Assert.Equal(MissReason.UnknownTicketKey, result.Miss);
    }

    [Fact]
    public void Handshake_StatefulTicketsWithTicketsOff_StayInTheStoreAfterUse()
    {
        // OpenSSL with SSL_OP_NO_TICKET and no early data: the ticket is the ID of a cached session, and
        // tls_parse_ctos_psk removes it only under the early-data anti-replay.
        var options = new ServerResumptionOptions(TlsVersion.Tls13, SessionIds: true, Tickets: false);
        var server = Servers.Tls13(options);
        var full = server.Handshake(Fresh, 0);
        Assert.Equal(2, full.NewTickets.Count);
        Assert.All(full.NewTickets, t => Assert.Equal(SessionId.Length, t.Length));
        Assert.Equal(2, server.Store.Count);

        var first = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1), 1);
        Assert.Equal(HandshakeOutcome.PskDhe, first.Outcome);
        Assert.Equal(StoreLookup.Hit, first.StoreResult);
        var again = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 2), 2);
        Assert.Equal(HandshakeOutcome.PskDhe, again.Outcome);
    }

    [Fact]
    public void Handshake_NoTicketsNoIds_ResumptionDisabled_AndNoTicketsIssued()
    {
        var issuing = Servers.Tls13();
        var ticket = issuing.Handshake(Fresh, 0).NewSessionTickets[0];
        var server = Servers.Tls13(new ServerResumptionOptions(TlsVersion.Tls13, SessionIds: false, Tickets: false));
        Assert.Empty(server.Handshake(Fresh, 0).NewTickets);
        Assert.Equal(MissReason.ResumptionDisabled, server.Handshake(Servers.Psk(ticket, 0, 1), 1).Miss);
    }

    [Fact]
    public void Handshake_EarlyData_AcceptedOnce_ReplayRejected()
    {
        var server = Servers.Tls13(Options(earlyData: true), guard: new EarlyDataGuard(10 * Times.Second, 1000));
        var full = server.Handshake(Fresh, 0);
        var hello = Servers.Psk(full.NewSessionTickets[0], 0, Times.Minute, early: true);

        var first = server.Handshake(hello, Times.Minute);
        Assert.Equal(HandshakeOutcome.ZeroRtt, first.Outcome);
        Assert.Equal(EarlyDataStatus.Accepted, first.EarlyData);
        Assert.True(first.PskWithDhe);

        var replay = server.Handshake(hello, Times.Minute + Times.Second);
        Assert.Equal(HandshakeOutcome.PskDhe, replay.Outcome);
        Assert.Equal(EarlyDataStatus.RejectedReplay, replay.EarlyData);
    }

    [Fact]
    public void Handshake_EarlyDataWithStaleAge_RejectedOutsideWindow()
    {
        var server = Servers.Tls13(Options(earlyData: true), guard: new EarlyDataGuard(10 * Times.Second, 1000));
        var full = server.Handshake(Fresh, 0);
        var hello = Servers.Psk(full.NewSessionTickets[0], 0, Times.Minute, early: true);
        Assert.Equal(EarlyDataStatus.RejectedOutsideWindow, server.Handshake(hello, 2 * Times.Minute).EarlyData);
    }

    [Fact]
    public void Handshake_EarlyDataServerOff_RejectedDisabled()
    {
        var server = Servers.Tls13();
        var full = server.Handshake(Fresh, 0);
        var result = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1, early: true), 1);
        Assert.Equal(EarlyDataStatus.RejectedDisabled, result.EarlyData);
        Assert.Equal(HandshakeOutcome.PskDhe, result.Outcome);
    }

    [Fact]
    public void Handshake_EarlyDataWithoutGuard_NeverAccepted()
    {
        var server = Servers.Tls13(Options(earlyData: true));
        var full = server.Handshake(Fresh, 0);
        Assert.Equal(EarlyDataStatus.RejectedNoReplayGuard, server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1, early: true), 1).EarlyData);
    }

    [Fact]
    public void Handshake_EarlyDataOnTicketThatForbidsIt_RejectedTicketNotAllowed()
    {
        var rotator = Servers.Rotator();
        var ticket = Servers.Tls13(rotator: rotator).Handshake(Fresh, 0).NewSessionTickets[0];
        Assert.Equal(0u, ticket.MaxEarlyData);
        var server = Servers.Tls13(Options(earlyData: true), rotator: rotator, guard: new EarlyDataGuard(Times.Minute, 10));
        Assert.Equal(EarlyDataStatus.RejectedTicketNotAllowed, server.Handshake(Servers.Psk(ticket, 0, 1, early: true), 1).EarlyData);
    }

    [Fact]
    public void Handshake_EarlyDataOnFullHandshake_RejectedNoPsk()
    {
        var result = Servers.Tls13(Options(earlyData: true)).Handshake(Fresh with { OffersEarlyData = true }, 0);
        Assert.Equal(EarlyDataStatus.RejectedNoPsk, result.EarlyData);
    }
}
