using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

public sealed class TraceReplayTests
{
    private const long Rtt = 40_000_000;
    private const long Second = 1_000_000_000;

    // One server, a FIFO store of 2 sessions living 10 s, TLS 1.2, 40 ms RTT, no CPU cost. Each
    // expected outcome is worked out by hand from the store's contents (oldest first) at that row.
    private const string Trace = """
        time_s,client,host
        0,a,www
        1,a,www
        2,b,www
        3,c,www
        4,a,www
        5,b,www
        6,a,api
        7,a,www
        20,a,www
        20,c,www
        40,b,www
        """;

    [Fact]
    public void Replay_EveryRowOpensOneConnectionAtItsTimeWithTheHandComputedOutcome()
    {
        var records = Replay(Trace, connections: 1);

        // (start s, client, host, outcome, offered, miss); clients a=0, b=1, c=2; hosts www=0, api=1.
        (double At, int Client, int Host, HandshakeOutcome Outcome, bool Offered, MissReason Miss)[] expected =
        [
            (0, 0, 0, HandshakeOutcome.Full, false, MissReason.NotOffered),       // store: a0
            (1, 0, 0, HandshakeOutcome.ResumedById, true, MissReason.None),       // a0 is 1 s old: resumed, not refreshed
            (2, 1, 0, HandshakeOutcome.Full, false, MissReason.NotOffered),       // store: a0 b2
            (3, 2, 0, HandshakeOutcome.Full, false, MissReason.NotOffered),       // full: a0 goes; store: b2 c3
            (4, 0, 0, HandshakeOutcome.Full, true, MissReason.Evicted),           // a0 was evicted; b2 goes; store: c3 a4
            (5, 1, 0, HandshakeOutcome.Full, true, MissReason.Evicted),           // c3 goes; store: a4 b5
            (6, 0, 1, HandshakeOutcome.Full, false, MissReason.NotOffered),       // nothing for host api; a4 goes; store: b5 a6'
            (7, 0, 0, HandshakeOutcome.Full, true, MissReason.Evicted),           // a4 gone; b5 goes; store: a6' a7
            (20, 0, 0, HandshakeOutcome.Full, true, MissReason.SessionExpired),   // a7 is 13 s old (> 10 s); store: a20
            (20, 2, 0, HandshakeOutcome.Full, true, MissReason.Evicted),          // c3 was evicted at 4 s, before it would have expired
        ];

        // The row at 40 s is at the end of the 30 s run and is not replayed.
        Assert.Equal(expected.Length, records.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (at, client, host, outcome, offered, miss) = expected[i];
            var r = records[i];
            Assert.True((at * Second, client, host, outcome, offered) == (r.Start, r.Client, r.Host, r.Outcome, r.Offered), $"row {i + 2}: {r}");
            if (offered)
            {
                Assert.Equal(miss, r.Miss);
            }

            Assert.Equal(outcome == HandshakeOutcome.Full ? 3 * Rtt : 2 * Rtt, r.Done - r.Start);
        }
    }

    [Fact]
    public void Replay_WithSixConnectionsPerHost_OpensSixPerRowToTheRowsHostOnly()
    {
        var records = Replay("time_s,client,host\n0,a,www\n1,a,api\n2,a,www\n", connections: 6);

        Assert.Equal(18, records.Count);
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0], records.OrderBy(r => r.Start).Select(r => r.Host));

        // Parallel opening: the first visit to each host has no session; the revisit at 2 s offers it.
        Assert.Equal(6, records.Count(r => r.Start == 2 * Second && r.Offered));
    }

    [Fact]
    public void Replay_SameTraceTwice_GivesIdenticalRecords()
    {
        Assert.Equal(Replay(Trace, connections: 1), Replay(Trace, connections: 1));
    }

    [Fact]
    public void Replay_StoreExposure_IsEachSecretsPutToRemovalOrToTheEnd()
    {
        Replay(Trace, connections: 1, out var result);

        // Sessions are put when the hello arrives, 60 ms after the row (1.5 RTT, no CPU cost).
        // Evicted: a0 at 3 s (held 3 s), b2, c3, a4, b5 (2 s each); a7 found expired by a's lookup at
        // 20 s (13 s); a6' swept or evicted by the puts at 20 s (14 s); a20 and c20 still held at the
        // 30 s end (9.94 s each).
        double[] held = [3, 2, 2, 2, 2, 13, 14, 9.94, 9.94];
        Assert.Equal(14.0, result.ExposureMaxSeconds, 9);
        Assert.Equal(held.Average(), result.ExposureMeanSeconds, 9);
    }

    private static List<ConnectionRecord> Replay(string text, int connections) => Replay(text, connections, out _);

    private static List<ConnectionRecord> Replay(string text, int connections, out StrategyRunResult result)
    {
        var errors = new List<TraceError>();
        var trace = TraceArrivals.Parse(new StringReader(text), errors)!;
        Assert.Empty(errors);
        var strategy = new StrategyConfig
        {
            Name = "ids",
            SessionIds = new SessionIdConfig { Eviction = StoreEviction.Fifo, CapacityEntries = 2, EntryBytes = 384, Timeout = TimeSpan.FromSeconds(10) },
        };
        var scenario = new ScenarioConfig
        {
            Name = "trace",
            Duration = TimeSpan.FromSeconds(30),
            Clients = new ClientsConfig
            {
                Count = trace.ClientCount,
                VisitsPerSecond = 0.1,
                Rtt = RttConfig.Fixed(TimeSpan.FromMilliseconds(40)),
                Mix = [new ClientMixEntry("chrome", 1.0)],
                Trace = trace,
            },
            Pages = new PagesConfig { Connections = connections },
            Farm = new FarmConfig { Servers = 1, Cores = 8, Balancer = BalancerKind.RoundRobin },
            Costs = CostProfile.Fixed(0),
            Strategies = [strategy],
            Output = new OutputConfig { Bucket = TimeSpan.FromSeconds(10) },
        };
        var records = new List<ConnectionRecord>();
        var world = new ResumptionWorld(scenario, strategy, replication: 0) { Observer = records.Add };
        result = world.Run(0, 0);
        Assert.Equal(records.Count, result.Connections);
        return records;
    }
}
