using ResumeSim.Model.Balancing;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Metrics;
using ResumeSim.Model.Runs;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Tests.World;

/// <summary>
/// A handshake whose completion only counts it is completed when its service starts, without an event
/// (ResumptionWorld.CompletionTouchesNothingShared). A completion observer turns that off, so a run with
/// one must give exactly the results of a run without.
/// </summary>
public sealed class CompletionWithoutEventTests
{
    public static TheoryData<string, int, ConnectionWait> Cases => new()
    {
        { "ids", 1, ConnectionWait.Parallel },
        { "ids-shared", 1, ConnectionWait.Parallel },
        { "tickets", 1, ConnectionWait.Parallel },
        { "ids", 4, ConnectionWait.Parallel },
        { "tickets", 4, ConnectionWait.WaitForFirst },
        { "tls13", 3, ConnectionWait.WaitForFirst },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Results_AreTheSame_WithCompletionsAsEvents(string strategyName, int connections, ConnectionWait wait)
    {
        var strategy = strategyName switch
        {
            "ids" => TestScenarios.Ids(capacity: 400),
            "ids-shared" => TestScenarios.Ids(capacity: 100_000, scope: StoreScope.Shared), // most resume: the last completion is one without an event
            "tickets" => TestScenarios.Tickets(),
            _ => BrowserScenarios.Tls13Tickets(afterFull: 4, afterResumption: 0), // resumptions issue nothing: they keep nothing
        };
        var scenario = TestScenarios.OneServer(strategy, clients: 1500, visitsPerHour: 20) with
        {
            Seed = 2, // a visit close to the end: its handshake, one without an event, is the run's last
            // One core per server: connections queue for cores at times. Exponential service times
            // let a page's connections complete in another order than they start.
            Farm = new FarmConfig { Servers = 3, Cores = 1, Balancer = BalancerKind.Random },
            Costs = connections > 1 ? CostProfile.Exponential(5000) : CostProfile.Default,
            Pages = new PagesConfig { Hosts = 2, Connections = connections, Http = HttpVersion.H1, Wait = wait },
            Protocol = new ProtocolConfig { Version = strategyName == "tls13" ? ProtocolVersion.Tls13 : ProtocolVersion.Tls12 },
            Faults = [new FaultConfig(TimeSpan.FromMinutes(25), FaultKind.Restart, 1) { Window = TimeSpan.FromMinutes(1) }],
        };

        var direct = new ResumptionWorld(scenario, strategy, replication: 0);
        var fast = direct.Run(0, 0);
        var observed = new ResumptionWorld(scenario, strategy, replication: 0);
        var seen = 0L;
        observed.Observer = _ => seen++;
        var slow = observed.Run(0, 0);

        Assert.Equal(Fingerprint(slow), Fingerprint(fast));
        Assert.Equal(Series(slow), Series(fast));
        Assert.True(slow.QueueWait.Count > 0 && slow.QueueWait.PercentileMs(99) > 0, "some connections waited for a core");
        Assert.True(fast.EventsProcessed < slow.EventsProcessed, $"{fast.EventsProcessed} events against {slow.EventsProcessed}: some completions were not events");
        Assert.True(seen >= slow.Connections);
    }

    private static string Fingerprint(StrategyRunResult r) =>
        $"{r.Connections} {r.Offered} {r.Full} {r.ResumedById} {r.ResumedByTicket} {r.ResumedPsk} {r.ZeroRtt} {r.Pages} {r.EarlyDataRejected} " +
        $"{r.CpuCoreSeconds:R} {r.CpuUtilMean:R} {r.CpuUtilPeak:R} {r.CoresNeeded} {r.StorePeakEntries} {r.StorePeakBytes} {r.Evictions} {r.Expirations} " +
        $"{r.TicketsIssued} {r.TicketsRejected} {r.TicketsRenewed} {r.HandshakeBytes} {r.ExposureMaxSeconds:R} {r.ExposureMeanSeconds:R} {r.ExposureSessionsMax:R} " +
        $"{r.QueueWait.MeanMs:R} {Buckets(r.Handshake)} | {Buckets(r.Page)} | {Buckets(r.QueueWait)} | {Buckets(r.FirstByte)} | " +
        string.Join(",", r.Misses.Select(m => $"{m.Key}={m.Value}"));

    private static string[] Series(StrategyRunResult r) =>
        [.. r.Series.Select(b => (b with { CpuUtilizationByServer = [] }).ToString() + string.Join(",", b.CpuUtilizationByServer.Select(u => u.ToString("R"))))];

    private static string Buckets(LatencyRecorder recorder) => string.Join(",", recorder.Buckets().Select(b => $"{b.UpperMs:R}:{b.Count}"));
}
