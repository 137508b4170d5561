using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Balancing;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

/// <summary>
/// A recorded nginx log replayed through the world as nginx was configured: one server and core, 1 ms RTT,
/// no CPU cost, clients that keep their one session as <c>openssl s_client -sess_in</c> does.
/// </summary>
internal static class NginxReplay
{
    /// <summary>Which connections of a recorded trace (one connection per row) resume when <paramref name="ids"/> serve them.</summary>
    public static bool[] Resumed(string traceText, SessionIdConfig ids, int workers = 1)
    {
        var trace = TraceArrivals.Parse(new StringReader(traceText), [])!;
        var strategy = new StrategyConfig { Name = "nginx", SessionIds = ids };
        var scenario = new ScenarioConfig
        {
            Name = "nginx-replay",
            Duration = TimeSpan.FromSeconds((trace.LastTicks / 1e9) + 60),
            Clients = new ClientsConfig
            {
                Count = trace.ClientCount,
                VisitsPerSecond = 0.01,
                Rtt = RttConfig.Fixed(TimeSpan.FromMilliseconds(1)),
                Mix = [new ClientMixEntry("openssl", 1.0)],
                Trace = trace,
            },
            Farm = new FarmConfig { Servers = 1, Cores = 1, Workers = workers, Balancer = BalancerKind.RoundRobin },
            Costs = CostProfile.Fixed(0),
            Strategies = [strategy],
            Output = new OutputConfig { Bucket = TimeSpan.FromMinutes(10) },
        };

        // One connection per row and rows of one client never overlap, so (start, client) names a row.
        var rowOf = new Dictionary<(long, int), int>();
        for (var i = 0; i < trace.Count; i++)
        {
            rowOf[(trace.TimeTicks(i), trace.Client(i))] = i;
        }

        var resumed = new bool[trace.Count];
        var world = new ResumptionWorld(scenario, strategy, replication: 0)
        {
            Observer = r => resumed[rowOf[(r.Start, r.Client)]] = r.Outcome == HandshakeOutcome.ResumedById,
        };
        world.Run(0, 0);
        return resumed;
    }
}
