using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Steady;

/// <summary>
/// The stale-session transient at test size (docs/steady-state.md): Chrome keeps a TLS 1.2 session for 2 h,
/// a shared session cache forgets it after 5 min, and a browser that holds a session opens its 6
/// connections at once, each offering it. Clients start with empty caches, so early visits wait for the
/// first handshake and resume the other 5 connections; once every client holds a stale session, a visit
/// more than 5 min after its last full handshake pays 6 full handshakes. Resumption falls from about 0.7
/// to about 0.25 over the first hour (visits every 15 min on average). The LRU store keeps expired
/// sessions until it needs room, so it fills to its 20,000 entries in about 35 min and then holds steady
/// (live sessions, at most about 3,000, are never the ones it evicts).
/// </summary>
internal static class StaleSessionScenario
{
    public static ScenarioConfig Create(TimeSpan warmup, int replications = 5) => new()
    {
        Name = "stale-sessions",
        Seed = 11,
        Duration = TimeSpan.FromMinutes(30),
        Warmup = warmup,
        Replications = replications,
        Clients = new ClientsConfig
        {
            Count = 2000,
            VisitsPerSecond = 4 / 3600.0,
            Rtt = RttConfig.Fixed(TimeSpan.FromMilliseconds(40)),
            Mix = [new ClientMixEntry("chrome", 1.0)],
        },
        Pages = new PagesConfig { Hosts = 1, Connections = 6, Wait = ConnectionWait.WaitForFirst },
        Farm = new FarmConfig { Servers = 2, Cores = 4, Balancer = BalancerKind.RoundRobin },
        Costs = CostProfile.Default,
        Strategies =
        [
            new StrategyConfig
            {
                Name = "ids-shared",
                SessionIds = new SessionIdConfig { Store = StoreScope.Shared, Eviction = StoreEviction.Lru, CapacityEntries = 20_000, Timeout = TimeSpan.FromMinutes(5) },
            },
        ],
        Output = new OutputConfig { Bucket = TimeSpan.FromMinutes(1) },
    };

    /// <summary>The same scenario with <c>warmup: {auto: MAX}</c>.</summary>
    public static ScenarioConfig Auto(TimeSpan max, int replications = 5) =>
        Create(max, replications) with { AutoWarmup = new AutoWarmupConfig(max) };
}
