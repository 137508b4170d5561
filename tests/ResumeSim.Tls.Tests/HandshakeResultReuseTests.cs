namespace ResumeSim.Tls.Tests;

public sealed class HandshakeResultReuseTests
{
    [Fact]
    public void Handshake_IntoReusable_Tls12_SameAsFreshResultEveryTime()
    {
        var fresh = Servers.Tls12(emptyIdWithTicket: false);
        var reusing = Servers.Tls12(emptyIdWithTicket: false);
        var into = HandshakeResult.CreateReusable();

        var a = fresh.Handshake(Servers.Fresh12(), 0);
        var b = reusing.Handshake(Servers.Fresh12(), 0, into);
        Assert.Same(into, b);
        AssertSame(a, b);
        var ticket = a.NewTickets[0];
        var id = a.NewSessionId;

        // The same object, refilled: a resumption by ticket, then by id, then a miss.
        AssertSame(fresh.Handshake(Servers.WithTicket(ticket), 10), reusing.Handshake(Servers.WithTicket(ticket), 10, into));
        AssertSame(fresh.Handshake(Servers.WithId(id), 20), reusing.Handshake(Servers.WithId(id), 20, into));
        Assert.Equal(HandshakeOutcome.ResumedById, into.Outcome);
        Assert.Empty(into.NewTickets); // the ticket of the first handshake is gone from the refilled result
        Assert.Empty(into.NewSessionTickets);
        AssertSame(fresh.Handshake(Servers.WithId(Sessions.Id(9)), 30), reusing.Handshake(Servers.WithId(Sessions.Id(9)), 30, into));
        Assert.Equal(MissReason.UnknownId, into.Miss);
    }

    [Fact]
    public void Handshake_IntoReusable_Tls13_SameTicketsAsFreshResult()
    {
        var fresh = Servers.Tls13();
        var reusing = Servers.Tls13();
        var into = HandshakeResult.CreateReusable();
        var hello = ClientHello.Fresh13(Servers.Host);

        var a = fresh.Handshake(hello, 0);
        AssertSame(a, reusing.Handshake(hello, 0, into));
        Assert.Equal(2, into.NewSessionTickets.Count);

        var psk = Servers.Psk(a.NewSessionTickets[1], 0, Times.Second);
        AssertSame(fresh.Handshake(psk, Times.Second), reusing.Handshake(psk, Times.Second, into));
        Assert.Equal(HandshakeOutcome.PskDhe, into.Outcome);
        Assert.Single(into.NewTickets);
    }

    [Fact]
    public void Handshake_IntoResultNotMadeReusable_Throws()
    {
        var server = Servers.Tls12();
        var oneOff = server.Handshake(Servers.Fresh12(), 0);
        Assert.Throws<ArgumentException>(() => server.Handshake(Servers.Fresh12(), 1, oneOff));
    }

    [Fact]
    public void FromHandshake_ByIndex_MatchesTheList()
    {
        var server = Servers.Tls13();
        var result = server.Handshake(ClientHello.Fresh13(Servers.Host), 5);
        var list = ClientSession.FromHandshake(result, 7);
        Assert.Equal(list.Count, ClientSession.CountFromHandshake(result));
        for (var i = 0; i < list.Count; i++)
        {
            var one = ClientSession.FromHandshake(result, i, 7);
            Assert.Equal(list[i].Ticket, one.Ticket);
            Assert.Equal(list[i].AgeAdd, one.AgeAdd);
            Assert.Equal(list[i].LifetimeNs, one.LifetimeNs);
            Assert.Equal(list[i].ReceivedAt, one.ReceivedAt);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => ClientSession.FromHandshake(result, list.Count, 7));
    }

    private static void AssertSame(HandshakeResult expected, HandshakeResult actual)
    {
        Assert.Equal(expected.Outcome, actual.Outcome);
        Assert.Equal(expected.Miss, actual.Miss);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Session.MasterSecret.ToArray(), actual.Session.MasterSecret.ToArray());
        Assert.Equal(expected.NewSessionId, actual.NewSessionId);
        Assert.Equal(expected.SessionStored, actual.SessionStored);
        Assert.Equal(expected.NewTickets.Count, actual.NewTickets.Count);
        for (var i = 0; i < expected.NewTickets.Count; i++)
        {
            Assert.Equal(expected.NewTickets[i], actual.NewTickets[i]);
            Assert.Equal(expected.NewSessionTickets[i].AgeAdd, actual.NewSessionTickets[i].AgeAdd);
        }

        Assert.Equal(expected.TicketRenewed, actual.TicketRenewed);
        Assert.Equal(expected.TicketAgeAdd, actual.TicketAgeAdd);
        Assert.Equal(expected.TicketStatus, actual.TicketStatus);
        Assert.Equal(expected.StoreResult, actual.StoreResult);
        Assert.Equal(expected.EarlyData, actual.EarlyData);
        Assert.Equal(expected.PskWithDhe, actual.PskWithDhe);
        Assert.Equal(expected.RoundTrips, actual.RoundTrips);
        Assert.Equal(expected.TotalBytes, actual.TotalBytes);
        Assert.Equal(expected.ServerFirstFlightBytes, actual.ServerFirstFlightBytes);
    }
}
