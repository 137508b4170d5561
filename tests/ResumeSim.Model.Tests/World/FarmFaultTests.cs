using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

/// <summary>Faults leave the marks the model predicts, where and when it predicts them.</summary>
public sealed class FarmFaultTests
{
    private static ScenarioConfig Farm(StrategyConfig strategy, BalancerKind balancer, IReadOnlyList<FaultConfig> faults, CostProfile? costs = null) =>
        TestScenarios.OneServer(strategy, clients: 2000, visitsPerHour: 60, duration: TimeSpan.FromMinutes(40), warmup: TimeSpan.FromMinutes(10)) with
        {
            Farm = new FarmConfig { Servers = 4, Cores = 4, Balancer = balancer },
            Faults = faults,
            Costs = costs ?? CostProfile.Fixed(0),
            Output = new OutputConfig { Bucket = TimeSpan.FromSeconds(30) },
        };

    [Fact]
    public void FailedCacheNode_DropsResumptionToWhatItsShareOfIdsPredicts()
    {
        var strategy = TestScenarios.Ids(timeout: TimeSpan.FromHours(1), scope: StoreScope.Shared) with { Name = "ids-4-nodes" };
        strategy = strategy with { SessionIds = strategy.SessionIds! with { Nodes = 4 } };
        var failAt = TimeSpan.FromMinutes(20);
        var scenario = Farm(strategy, BalancerKind.RoundRobin, [new FaultConfig(failAt, FaultKind.CacheNodeFail, -1) { CacheNode = 1, Window = TimeSpan.MaxValue }]) with
        {
            Clients = TestScenarios.OneServer(strategy).Clients with { Count = 10_000, VisitsPerSecond = 60 / 3600.0 },
            Output = new OutputConfig { Bucket = TimeSpan.FromSeconds(10) },
        };

        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        // The node's share of the hash ring is the share of ids it holds, so in the first moments
        // every resumption whose id lands there misses. A client that missed gets a new id, which
        // lands on a live node with probability 1 - share, so the drop heals within a few visit gaps.
        var share = ShareOfNode(1, nodes: 4);
        var t0 = failAt.TotalSeconds;
        var before = Rate(result.Series.Where(b => b.StartSeconds >= 300 && b.StartSeconds < t0));
        var first = Rate(result.Series.Where(b => b.StartSeconds == t0));
        var healed = Rate(result.Series.Where(b => b.StartSeconds >= t0 + 900));
        Assert.InRange(share, 0.15, 0.35);
        Assert.InRange(first / before, 1 - share - 0.05, 1 - share + 0.03);
        Assert.True(healed / before > 0.97, $"healed {healed} vs before {before}");
        Assert.True(result.Series.Sum(b => b.CacheFailed) > 100);
    }

    [Fact]
    public void KeyPropagationDelay_RejectsTicketsOnlyInsideTheDelayWindow()
    {
        var rotate = TimeSpan.FromMinutes(10);
        var propagation = TimeSpan.FromMinutes(2);
        var strategy = new StrategyConfig
        {
            Name = "tickets-propagating",
            Tickets = new TicketConfig { Keys = KeyScope.Shared, Rotate = rotate, Keep = TimeSpan.FromHours(1), Lifetime = TimeSpan.FromHours(2), Propagation = propagation },
        };
        var scenario = Farm(strategy, BalancerKind.RoundRobin, []);

        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        // Rotations happen at multiples of rotate from the start of the run; the warm-up is 10 minutes.
        var warmup = scenario.Warmup.TotalSeconds;
        bool InsideWindow(TimeBucket b)
        {
            var t = b.StartSeconds + warmup;
            var sinceRotation = t % rotate.TotalSeconds;
            return sinceRotation < propagation.TotalSeconds || sinceRotation + 30 > rotate.TotalSeconds;
        }

        Assert.All(result.Series.Where(b => !InsideWindow(b)), b => Assert.Equal(0, b.TicketsRejected));
        Assert.True(result.Series.Where(InsideWindow).Sum(b => b.TicketsRejected) > 100);
        Assert.Contains(result.Misses, m => m.Key == "unknown_ticket_key" || m.Key == "other_server");
    }

    [Fact]
    public void Restart_CpuRisesAboveSteadyStateInTheFollowingBuckets_ThenReturnsToIt()
    {
        var strategy = TestScenarios.Ids(timeout: TimeSpan.FromHours(1));
        var restartAt = TimeSpan.FromMinutes(20);
        var scenario = Farm(strategy, BalancerKind.SourceHash, [new FaultConfig(restartAt, FaultKind.Restart, 0)], CostProfile.Default);

        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        var t0 = restartAt.TotalSeconds;
        var steady = Cpu(result.Series.Where(b => b.StartSeconds >= t0 - 600 && b.StartSeconds < t0));
        var storm = Cpu(result.Series.Where(b => b.StartSeconds >= t0 && b.StartSeconds < t0 + 60));
        var later = Cpu(result.Series.Where(b => b.StartSeconds >= t0 + 900));
        // Whole connections: a full one costs under twice a resumed one (docs/costs.md), and every
        // connection pays the same base, so the storm shows as a rise of about a tenth here.
        Assert.True(storm > steady * 1.05, $"storm {storm} vs steady {steady}");
        Assert.InRange(later / steady, 0.93, 1.07);
        Assert.True(result.Series.Where(b => b.StartSeconds >= t0 && b.StartSeconds < t0 + 60).Sum(b => b.Full)
            > 2 * result.Series.Where(b => b.StartSeconds >= t0 - 60 && b.StartSeconds < t0).Sum(b => b.Full));
    }

    [Theory]
    [InlineData(false, "store_flushed")]
    [InlineData(true, "ticket_key_retired")]
    public void Restart_MissesItCausesAreLabelledByTheRestart(bool tickets, string label)
    {
        // Sessions and per-server keys are lost with the restarted server: the client that comes back to it
        // with what it held misses because of the restart, not because its session aged or was evicted.
        var strategy = tickets ? TestScenarios.Tickets(KeyScope.PerServer) : TestScenarios.Ids(timeout: TimeSpan.FromHours(1));
        var scenario = Farm(strategy, BalancerKind.SourceHash, [new FaultConfig(TimeSpan.FromMinutes(20), FaultKind.Restart, 0)]);
        var quiet = Farm(strategy, BalancerKind.SourceHash, []);

        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        Assert.Contains(result.Misses, m => m.Key == label && m.Value > 0);
        Assert.DoesNotContain(ExperimentRunner.RunOne(quiet, strategy, 0).Misses, m => m.Key == label && m.Value > 0);
    }

    [Fact]
    public void RestartWithDowntime_BalancerSkipsTheDownServer()
    {
        var strategy = TestScenarios.Ids(timeout: TimeSpan.FromHours(1));
        var scenario = Farm(strategy, BalancerKind.RoundRobin, [new FaultConfig(TimeSpan.FromMinutes(20), FaultKind.Restart, 2) { Window = TimeSpan.FromMinutes(2) }]);

        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        var down = result.Series.Where(b => b.StartSeconds >= 1200 && b.StartSeconds < 1290).ToList();
        Assert.All(down, b => Assert.Equal(3, b.ServersUp));
        Assert.All(down.Skip(1), b => Assert.Equal(0, b.CpuUtilizationByServer[2]));
        Assert.All(result.Series.Where(b => b.StartSeconds >= 1330), b => Assert.Equal(4, b.ServersUp));
    }

    [Fact]
    public void Surge_MultipliesArrivalsInsideItsWindowOnly()
    {
        var strategy = TestScenarios.Tickets();
        var scenario = Farm(strategy, BalancerKind.RoundRobin, [new FaultConfig(TimeSpan.FromMinutes(20), FaultKind.Surge, -1) { Multiplier = 3, Window = TimeSpan.FromMinutes(5) }]);

        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        double Arrivals(double from, double to) => result.Series.Where(b => b.StartSeconds >= from && b.StartSeconds < to).Average(b => b.Arrivals);
        var before = Arrivals(600, 1200);
        Assert.InRange(Arrivals(1200, 1500) / before, 2.7, 3.3);
        Assert.InRange(Arrivals(1500, 2400) / before, 0.9, 1.1);
    }

    [Fact]
    public void ScaleOut_AddsServersThatTakeConnections()
    {
        var strategy = TestScenarios.Tickets();
        var scenario = Farm(strategy, BalancerKind.ConsistentHash, [new FaultConfig(TimeSpan.FromMinutes(20), FaultKind.ScaleOut, -1) { Count = 2 }]) with
        {
            Costs = CostProfile.Default,
        };

        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        var last = result.Series[^1];
        Assert.Equal(6, last.ServersUp);
        Assert.True(last.CpuUtilizationByServer[5] > 0);
        Assert.Equal(4, result.Series[0].ServersUp);
    }

    [Fact]
    public void SharedCacheTier_OneNode_AddsLookupDelayOnlyToOfferedIds()
    {
        var nodes = new IServerSessionStore[] { SessionStorePresets.Create(new SessionStoreOptions(StoreEviction.Fifo, 100, 0, 384, 1_000_000_000)) };
        var tier = new SharedCacheTier(nodes, 1, lookupTicks: 500_000, putTicks: 0, serviceTicks: 0, timeoutTicks: 0);

        tier.TryGet(SessionId.FromBytes(new byte[32]), 0, out _);

        Assert.Equal(500_000, tier.TakeDelay());
        Assert.Equal(0, tier.TakeDelay());
    }

    [Fact]
    public void SharedCacheTier_NodeQueue_AddsWaitWhenOperationsArriveFasterThanServed()
    {
        var nodes = new IServerSessionStore[] { SessionStorePresets.Create(new SessionStoreOptions(StoreEviction.Fifo, 100, 0, 384, 1_000_000_000)) };
        var tier = new SharedCacheTier(nodes, 1, lookupTicks: 0, putTicks: 0, serviceTicks: 1000, timeoutTicks: 0);
        var id = SessionId.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());

        tier.TryGet(id, 0, out _);
        var first = tier.TakeDelay();
        tier.TryGet(id, 0, out _);
        var second = tier.TakeDelay();
        tier.SetDown(0, true, 0);
        var lookup = tier.TryGet(id, 5000, out _);

        Assert.Equal(1000, first);
        Assert.Equal(2000, second);
        Assert.Equal(StoreLookup.Miss, lookup);
        Assert.Equal(1, tier.Failed);
    }

    /// <summary>The share of random ids the ring sends to <paramref name="node"/>, counted over many ids.</summary>
    private static double ShareOfNode(int node, int nodes)
    {
        var stores = Enumerable.Range(0, nodes).Select(_ => (IServerSessionStore)new NoSessionStore()).ToArray();
        var seed = ResumptionWorld.ReplicationSeed(42, 0);
        var tier = new SharedCacheTier(stores, seed, 0, 0, 0, 0);
        var random = new Random(7);
        var bytes = new byte[32];
        var hits = 0;
        const int n = 200_000;
        for (var i = 0; i < n; i++)
        {
            random.NextBytes(bytes);
            hits += tier.NodeOf(SessionId.FromBytes(bytes)) == node ? 1 : 0;
        }

        return (double)hits / n;
    }

    private static double Rate(IEnumerable<TimeBucket> buckets)
    {
        var list = buckets.ToList();
        return (double)list.Sum(b => b.Resumed) / list.Sum(b => b.Connections);
    }

    private static double Cpu(IEnumerable<TimeBucket> buckets) => buckets.Average(b => b.CpuUtilization);
}
