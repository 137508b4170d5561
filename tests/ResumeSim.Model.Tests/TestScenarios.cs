using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests;

/// <summary>Small scenarios built in code for model tests.</summary>
internal static class TestScenarios
{
    public static ScenarioConfig OneServer(StrategyConfig strategy, int clients = 1000, double visitsPerHour = 6, TimeSpan? duration = null, TimeSpan? warmup = null) => new()
    {
        Name = "test",
        Seed = 42,
        Duration = duration ?? TimeSpan.FromMinutes(30),
        Warmup = warmup ?? TimeSpan.FromMinutes(10),
        Replications = 1,
        Clients = new ClientsConfig
        {
            Count = clients,
            VisitsPerSecond = visitsPerHour / 3600.0,
            Rtt = RttConfig.Fixed(TimeSpan.FromMilliseconds(40)),
            Mix = [new ClientMixEntry("chrome", 1.0)],
        },
        Farm = new FarmConfig { Servers = 1, Cores = 4, Balancer = BalancerKind.RoundRobin },
        Costs = CostProfile.Fixed(0),
        Strategies = [strategy],
        Output = new OutputConfig { Bucket = TimeSpan.FromMinutes(1) },
    };

    public static StrategyConfig Ids(long capacity = 10_000_000, TimeSpan? timeout = null, StoreEviction eviction = StoreEviction.Fifo, StoreScope scope = StoreScope.PerServer) => new()
    {
        Name = "ids",
        SessionIds = new SessionIdConfig
        {
            Store = scope,
            Eviction = eviction,
            CapacityEntries = capacity,
            EntryBytes = 384,
            Timeout = timeout ?? TimeSpan.FromHours(1),
        },
    };

    public static StrategyConfig Tickets(KeyScope keys = KeyScope.Shared) => new()
    {
        Name = "tickets-" + keys,
        Tickets = new TicketConfig { Keys = keys, Rotate = TimeSpan.FromHours(1), Keep = TimeSpan.FromHours(18), Lifetime = TimeSpan.FromHours(2) },
    };

    public static StrategyConfig Off() => new() { Name = "off" };
}
