using ResumeSim.Model.Balancing;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Tests;

/// <summary>
/// Exact browser worlds: one server, fixed 40 ms RTT, no CPU cost (<c>costs: {fixed: 0}</c>), so every
/// handshake takes a whole number of RTTs and pages can be computed by hand.
/// </summary>
internal static class BrowserScenarios
{
    public const long Rtt = 40_000_000;

    public static ScenarioConfig Page(
        StrategyConfig strategy,
        ProtocolVersion version,
        ConnectionWait wait,
        int connections = 6,
        int clients = 1,
        double visitsPerHour = 6,
        ClientMixEntry? mix = null,
        TimeSpan? duration = null) => new()
        {
            Name = "browser-test",
            Seed = 7,
            Duration = duration ?? TimeSpan.FromHours(2),
            Warmup = TimeSpan.Zero,
            Clients = new ClientsConfig
            {
                Count = clients,
                VisitsPerSecond = visitsPerHour / 3600.0,
                Rtt = RttConfig.Fixed(TimeSpan.FromTicks(Rtt / 100)),
                Mix = [mix ?? new ClientMixEntry("chrome", 1.0)],
            },
            Pages = new PagesConfig { Hosts = 1, Connections = connections, Http = HttpVersion.H1, Wait = wait },
            Protocol = new ProtocolConfig { Version = version },
            Farm = new FarmConfig { Servers = 1, Cores = 64, Balancer = BalancerKind.RoundRobin },
            Costs = CostProfile.Fixed(0),
            Strategies = [strategy],
            Output = new OutputConfig { Bucket = TimeSpan.FromMinutes(10) },
        };

    public static StrategyConfig Tls13Tickets(int afterFull = 2, int afterResumption = 1, bool earlyData = false, int ticketRequestCap = 0) => new()
    {
        Name = "tls13",
        Tickets = new TicketConfig
        {
            Lifetime = TimeSpan.FromDays(7),
            TicketsAfterFull = afterFull,
            TicketsAfterResumption = afterResumption,
            EarlyData = earlyData,
            TicketRequestCap = ticketRequestCap,
        },
    };

    /// <summary>Runs the world and returns its pages in the order they became ready, and its connections.</summary>
    public static (List<PageRecord> Pages, List<ConnectionRecord> Connections) Run(ScenarioConfig scenario)
    {
        var world = new ResumptionWorld(scenario, scenario.Strategies[0], replication: 0);
        var pages = new List<PageRecord>();
        var connections = new List<ConnectionRecord>();
        world.PageObserver = pages.Add;
        world.Observer = connections.Add;
        world.Run(0, 0);
        return (pages, connections);
    }
}
