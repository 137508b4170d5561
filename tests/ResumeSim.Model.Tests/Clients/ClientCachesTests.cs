using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Clients;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Servers;
using ResumeSim.Model.Tests.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Clients;

/// <summary>The clients' session caches: what a connection offers and what a client keeps.</summary>
public sealed class ClientCachesTests
{
    private static readonly ClientPreset Chrome = ClientPresets.Chrome;

    [Fact]
    public void Offer_NothingKept_MissesAndTheHelloIsFresh()
    {
        var caches = new ClientCaches(clients: 4, issuedTicketBytes: 0, TlsVersion.Tls12, tickets: null);

        var lookup = caches.Offer(connection: 0, client: 1, Chrome, host: 0, now: 0, out var offer);
        var hello = caches.Hello(0, hasOffer: false, offer, Kind(), now: 0);

        Assert.NotEqual(ClientLookup.Hit, lookup);
        Assert.True(hello.SessionId.IsEmpty);
    }

    [Fact]
    public void Keep_ThenOffer_OffersTheKeptSessionIdToThatHostOnly()
    {
        var caches = new ClientCaches(clients: 4, issuedTicketBytes: 0, TlsVersion.Tls12, tickets: null);
        var full = FullHandshake(TestScenarios.Ids());
        Assert.True(ClientCaches.Keeps(Chrome, full));

        caches.Keep(client: 2, Chrome, host: 1, full, offered: null, now: 100);

        Assert.Equal(ClientLookup.Hit, caches.Offer(connection: 5, client: 2, Chrome, host: 1, now: 200, out var offer));
        Assert.Equal(full.NewSessionId, offer.SessionId);
        Assert.Equal(full.NewSessionId, caches.Hello(5, hasOffer: true, offer, Kind(), now: 200).SessionId);
        Assert.NotEqual(ClientLookup.Hit, caches.Offer(connection: 6, client: 2, Chrome, host: 0, now: 200, out _));
        Assert.NotEqual(ClientLookup.Hit, caches.Offer(connection: 7, client: 3, Chrome, host: 1, now: 200, out _));
    }

    [Fact]
    public void Forget_DropsEverythingTheClientHeld()
    {
        var caches = new ClientCaches(clients: 4, issuedTicketBytes: 0, TlsVersion.Tls12, tickets: null);
        caches.Keep(client: 0, Chrome, host: 0, FullHandshake(TestScenarios.Ids()), offered: null, now: 100);
        Assert.True(caches.HasUsableSession(0, Chrome, 0, 200));

        caches.Forget(0, Chrome);

        Assert.False(caches.HasUsableSession(0, Chrome, 0, 200));
    }

    [Fact]
    public void Keeps_AClientThatNeverResumes_KeepsNothing()
    {
        var full = FullHandshake(TestScenarios.Ids());

        Assert.False(ClientCaches.Keeps(ClientPresets.Go, full));
    }

    [Fact]
    public void Offer_ATicketFarBeyondTheFirstStride_GrowsTheBufferAndCarriesTheTicket()
    {
        var strategy = TestScenarios.Tickets();
        var full = FullHandshake(strategy);
        var caches = new ClientCaches(clients: 1, ResumptionSetup.IssuedTicketBytes(strategy, ProtocolVersion.Tls12), TlsVersion.Tls12, strategy.Tickets);
        caches.Keep(0, Chrome, 0, full, offered: null, now: 10);

        Assert.Equal(ClientLookup.Hit, caches.Offer(connection: 1000, client: 0, Chrome, host: 0, now: 20, out var offer));
        var hello = caches.Hello(1000, hasOffer: true, offer, Kind(), now: 20);

        Assert.True(offer.HasTicket);
        Assert.Equal(full.NewTickets[0], hello.Ticket.ToArray());
    }

    private static ClientKind Kind() => ClientKind.Resolve(new ClientMixEntry("chrome", 1.0), new PagesConfig());

    private static HandshakeResult FullHandshake(StrategyConfig strategy) =>
        FarmParts.Setup(TestScenarios.OneServer(strategy), strategy, 1).CreateServer(0, 0, 0).For(0)
            .Handshake(ClientHello.Fresh12(null), 0);
}
