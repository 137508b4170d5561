using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;
using static ResumeSim.Model.Tests.BrowserScenarios;

namespace ResumeSim.Model.Tests.World;

/// <summary>Churn and network changes in the world: a visit that lost its sessions offers nothing.</summary>
public sealed class SessionLossTests
{
    [Fact]
    public void Churn_VisitsFromNewClientsOfferNothing_OthersResume()
    {
        // TLS 1.2 ids that never expire in the run (1 h store timeout, Chrome's 2 h cap, visits 6/h): only
        // churn can make a returning client come without a session.
        var scenario = Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.Parallel, connections: 1, clients: 400, visitsPerHour: 12, duration: TimeSpan.FromHours(1));
        scenario = scenario with { Clients = scenario.Clients with { Churn = 0.2 } };

        // A visit that starts while the client's previous one is still handshaking has nothing yet either.
        var all = Run(scenario).Pages;
        var readyAt = all.ToDictionary(p => (p.Client, p.Visit), p => p.Ready);
        var pages = all.Where(p => p.Visit > 1 && readyAt[(p.Client, p.Visit - 1)] <= p.Start).ToList();

        Assert.All(pages, p => Assert.Equal(p.SessionsDropped, p.Offered == 0));
        var share = pages.Count(p => p.SessionsDropped) / (double)pages.Count;
        var se = Math.Sqrt(0.2 * 0.8 / pages.Count);
        Assert.InRange(share, 0.2 - (4 * se), 0.2 + (4 * se));
    }

    [Fact]
    public void SessionLoss_IsTheSameForEveryStrategy()
    {
        // Common random numbers: churn and network changes hash (client, visit), not event order.
        var baseScenario = Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.Parallel, connections: 1, clients: 200, visitsPerHour: 12, duration: TimeSpan.FromHours(1));
        var clients = baseScenario.Clients with { Churn = 0.1, Mobile = new MobileConfig(0.5, 3 / 3600.0) };
        var ids = Run(baseScenario with { Clients = clients }).Pages;
        var off = Run(baseScenario with { Clients = clients, Strategies = [TestScenarios.Off()] }).Pages;

        static HashSet<(int, int)> Dropped(List<PageRecord> pages) => pages.Where(p => p.SessionsDropped).Select(p => (p.Client, p.Visit)).ToHashSet();
        Assert.NotEmpty(Dropped(ids));
        Assert.Equal(Dropped(ids), Dropped(off));
    }
}
