using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Clients;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Arrivals;

/// <summary>Where client records live: beside each client's cache when its stride has room, else in an array.</summary>
public sealed class ClientPopulationTests
{
    private static readonly ClientsConfig Clients = new()
    {
        Count = 2000,
        VisitsPerSecond = 10 / 3600.0,
        Rtt = RttConfig.LogNormal(TimeSpan.FromMilliseconds(40), 0.5),
        Mix = [new ClientMixEntry("chrome", 0.6), new ClientMixEntry("safari", 0.3), new ClientMixEntry("firefox", 0.1)],
    };

    [Fact]
    public void RecordsBesideCaches_AreTheClientsOfAnArray()
    {
        var alone = new ClientPopulation(Clients, 42);
        var caches = new ClientCaches(Clients.Count, 0, TlsVersion.Tls12, null, ClientPopulation.RecordBytes);
        var beside = new ClientPopulation(Clients, 42, caches);

        Assert.Equal(alone.Kinds, beside.Kinds);
        Assert.Contains(Enumerable.Range(0, Clients.Count), c => alone[c].Kind == 2);
        for (var c = 0; c < Clients.Count; c++)
        {
            Assert.Equal(alone[c].RttMicros, beside[c].RttMicros);
            Assert.Equal(alone.KindOf(c), beside.KindOf(c));
            Assert.Equal(0, beside[c].VisitCounter);
        }
    }

    [Fact]
    public void RecordsBesideCaches_AndTheCaches_KeepApart()
    {
        var caches = new ClientCaches(3, 0, TlsVersion.Tls12, null, ClientPopulation.RecordBytes);
        var clients = new ClientPopulation(Clients with { Count = 3 }, 42, caches);
        var rtt = clients[1].RttMicros;
        var session = new HeldSession(TlsVersion.Tls12, SessionId.FromBytes(Enumerable.Repeat((byte)7, SessionId.Length).ToArray()), 0, 0, long.MaxValue);
        for (var visit = 0; visit < 5; visit++)
        {
            clients[1].VisitCounter++;
            caches.Put(1, ClientPresets.Chrome, 0, session, [], visit);
        }

        caches.Forget(1, ClientPresets.Chrome);
        Assert.Equal(5, clients[1].VisitCounter);
        Assert.Equal(rtt, clients[1].RttMicros);
        Assert.Equal(0, clients[0].VisitCounter);
        Assert.Equal(0, clients[2].VisitCounter);
    }

    [Theory]
    [InlineData(0, true)]   // session ids: no ticket beside the head
    [InlineData(144, false)] // a TLS 1.2 AES-128-CBC-HMAC-SHA256 ticket over a 79 B state
    public void FitsBesideCaches_OnlyWhereTheStrideHasRoomToSpare(int issuedTicketBytes, bool fits) =>
        Assert.Equal(fits, ClientPopulation.FitsBesideCaches(issuedTicketBytes));
}
