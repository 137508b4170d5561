using System.Globalization;
using System.Text;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

/// <summary>
/// Connection by connection, the replay of a log recorded from real nginx (validation/nginx/run.sh,
/// run 2 of docs/validation.md; the same fixture the CLI test imports) against what nginx logged in
/// <c>$ssl_session_reused</c>. The rates agreeing could hide offsetting errors; this cannot.
/// </summary>
public sealed class NginxAgreementTests
{
    [Fact]
    public void Replay_OfTheRecordedNginxLog_ResumesTheSameConnectionsAsNginx()
    {
        var rows = File.ReadAllLines(FixturePath())
            .Select(l => l.Split(' '))
            .Select(f => (Msec: decimal.Parse(f[0], CultureInfo.InvariantCulture), Client: f[6], Reused: f[3] == "r"))
            .OrderBy(r => r.Msec)
            .ToList();
        // From the whole second before the first connection, as import-nginx writes traces, so the
        // trace's whole seconds are those nginx's timeout counted.
        var start = decimal.Floor(rows[0].Msec);
        var text = new StringBuilder(TraceArrivals.Header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Msec - start},{row.Client},localhost\n");
        }

        var resumed = Replay(text.ToString());

        var disagree = Enumerable.Range(0, rows.Count).Where(i => resumed[i] != rows[i].Reused).ToList();
        Assert.True(disagree.Count == 0, $"{disagree.Count} of {rows.Count} connections differ, the first at row {disagree.FirstOrDefault()}");
    }

    private static bool[] Replay(string traceText)
    {
        var trace = TraceArrivals.Parse(new StringReader(traceText), [])!;
        var strategy = new StrategyConfig
        {
            Name = "nginx",

            // As nginx was configured: ssl_session_cache shared:SSL:32k, ssl_session_timeout 60s. The preset
            // turns the zone into nginx's 63 sessions and counts the timeout in whole seconds.
            SessionIds = new SessionIdConfig { CapacityBytes = 32 * 1024, EntryBytes = 384, Timeout = TimeSpan.FromSeconds(60), Preset = "nginx" },
        };
        var scenario = new ScenarioConfig
        {
            Name = "nginx-agreement",
            Duration = TimeSpan.FromSeconds((trace.LastTicks / 1e9) + 60),
            Clients = new ClientsConfig
            {
                Count = trace.ClientCount,
                VisitsPerSecond = 0.02,
                Rtt = RttConfig.Fixed(TimeSpan.FromMilliseconds(1)),
                Mix = [new ClientMixEntry("openssl", 1.0)],
                Trace = trace,
            },
            Farm = new FarmConfig { Servers = 1, Cores = 1, Balancer = BalancerKind.RoundRobin },
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

    private static string FixturePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ResumeSim.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "ResumeSim.Cli.Tests", "Import", "Fixtures", "nginx-access.log");
    }
}
