namespace ResumeSim.Tls.Tests;

public sealed class HandshakeResultReuseTests
{
    [Fact]
    public void Handshake_AfterRecycle_Tls12_RefillsTheSameResult_SameAsAFreshOne()
    {
        var fresh = Servers.Tls12(emptyIdWithTicket: false);
        var reusing = Servers.Tls12(emptyIdWithTicket: false);

        var a = fresh.Handshake(Servers.Fresh12(), 0);
        var first = reusing.Handshake(Servers.Fresh12(), 0);
        AssertSame(a, first);
        var ticket = a.NewTickets[0];
        var id = a.NewSessionId;

        // The same object, refilled: a resumption by ticket, then by id, then a miss.
        first.Recycle();
        var byTicket = reusing.Handshake(Servers.WithTicket(ticket), 10);
        Assert.Same(first, byTicket);
        AssertSame(fresh.Handshake(Servers.WithTicket(ticket), 10), byTicket);
        byTicket.Recycle();
        var byId = reusing.Handshake(Servers.WithId(id), 20);
        Assert.Same(first, byId);
        AssertSame(fresh.Handshake(Servers.WithId(id), 20), byId);
        Assert.Equal(HandshakeOutcome.ResumedById, byId.Outcome);
        Assert.Empty(byId.NewTickets); // the ticket of the first handshake is gone from the refilled result
        Assert.Empty(byId.NewSessionTickets);
        byId.Recycle();
        var miss = reusing.Handshake(Servers.WithId(Sessions.Id(9)), 30);
        AssertSame(fresh.Handshake(Servers.WithId(Sessions.Id(9)), 30), miss);
        Assert.Equal(MissReason.UnknownId, miss.Miss);
    }

    [Fact]
    public void Handshake_AfterRecycle_Tls13_SameTicketsAsAFreshResult()
    {
        var fresh = Servers.Tls13();
        var reusing = Servers.Tls13();
        var hello = ClientHello.Fresh13(Servers.Host);

        var a = fresh.Handshake(hello, 0);
        var full = reusing.Handshake(hello, 0);
        AssertSame(a, full);
        Assert.Equal(2, full.NewSessionTickets.Count);

        var psk = Servers.Psk(a.NewSessionTickets[1], 0, Times.Second);
        full.Recycle();
        var resumed = reusing.Handshake(psk, Times.Second);
        Assert.Same(full, resumed);
        AssertSame(fresh.Handshake(psk, Times.Second), resumed);
        Assert.Equal(HandshakeOutcome.PskDhe, resumed.Outcome);
        Assert.Single(resumed.NewTickets);
    }

    [Fact]
    public void Handshake_WithoutRecycle_LeavesEarlierResultsAlone()
    {
        var server = Servers.Tls12(emptyIdWithTicket: false);
        var first = server.Handshake(Servers.Fresh12(), 0);
        var ticket = first.NewTickets[0];

        var second = server.Handshake(Servers.WithTicket(ticket), 10);

        Assert.NotSame(first, second);
        Assert.Equal(HandshakeOutcome.Full, first.Outcome);
        Assert.Same(ticket, first.NewTickets[0]);
    }

    [Fact]
    public void Recycle_Twice_Throws()
    {
        var result = Servers.Tls12().Handshake(Servers.Fresh12(), 0);
        result.Recycle();
        Assert.Throws<InvalidOperationException>(result.Recycle);
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
