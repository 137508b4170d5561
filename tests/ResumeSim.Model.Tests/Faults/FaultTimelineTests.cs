using ResumeSim.Engine;
using ResumeSim.Model.Balancing;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Faults;
using ResumeSim.Model.Metrics;
using ResumeSim.Model.Servers;
using ResumeSim.Model.Tests.Servers;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Tests.Faults;

/// <summary>Faults as events acting on the farm: what each start and end does to servers, keys and the balancer.</summary>
public sealed class FaultTimelineTests
{
    private static readonly long Minute = SimTime.FromTimeSpan(TimeSpan.FromMinutes(1));

    [Fact]
    public void MaxServers_CountsEveryScaleOut()
    {
        var scenario = FarmParts.Servers(TestScenarios.Ids(), 3) with
        {
            Faults = [new FaultConfig(TimeSpan.FromMinutes(1), FaultKind.ScaleOut, -1) { Count = 2 }, new FaultConfig(TimeSpan.FromMinutes(2), FaultKind.ScaleOut, -1) { Count = 4 }],
        };

        Assert.Equal(9, FaultTimeline.MaxServers(scenario));
    }

    [Fact]
    public void ScheduleAll_EachFaultAtItsTimeAfterTheMeasuredStart()
    {
        var parts = Parts([new FaultConfig(TimeSpan.FromMinutes(3), FaultKind.FlushStore, 0)]);

        parts.Timeline.ScheduleAll(measuredStart: 10 * Minute);

        Assert.True(parts.Sim.TryPeek(out var fault));
        Assert.Equal(13 * Minute, fault.Time);
        Assert.Equal(EventKinds.Fault, fault.Kind);
    }

    [Fact]
    public void RestartWithDowntime_TakesTheServerOutUntilItsEnd_ThenBringsItBackRestarted()
    {
        var parts = Parts([new FaultConfig(TimeSpan.Zero, FaultKind.Restart, 1) { Window = TimeSpan.FromMinutes(2) }]);

        parts.Timeline.Start(0, now: Minute);

        Assert.Equal([0, 2], parts.Farm.Live);
        Assert.False(parts.Balancer.IsLive(1));
        Assert.Equal(0, parts.Farm.Restarts(1));
        Assert.True(parts.Sim.TryPeek(out var end));
        Assert.Equal((EventKinds.FaultEnd, 3 * Minute), (end.Kind, end.Time));

        parts.Timeline.End(0, now: 3 * Minute);

        Assert.Equal([0, 1, 2], parts.Farm.Live);
        Assert.True(parts.Balancer.IsLive(1));
        Assert.Equal(1, parts.Farm.Restarts(1));
    }

    [Fact]
    public void InstantRestart_StaysLive_LosesItsSessions()
    {
        var parts = Parts([new FaultConfig(TimeSpan.Zero, FaultKind.Restart, 0)]);
        var before = parts.Farm[0].Resumption;

        parts.Timeline.Start(0, now: Minute);

        Assert.Equal([0, 1, 2], parts.Farm.Live);
        Assert.Equal(1, parts.Farm.Restarts(0));
        Assert.NotSame(before, parts.Farm[0].Resumption);
        Assert.Equal(0, parts.Sim.Pending);
    }

    [Fact]
    public void KeyDesync_CutsTheServerOffTheKeyFeedForItsWindow()
    {
        var strategy = TestScenarios.Tickets() with { Tickets = TestScenarios.Tickets().Tickets! with { Propagation = TimeSpan.FromSeconds(30) } };
        var parts = Parts([new FaultConfig(TimeSpan.Zero, FaultKind.KeyDesync, 2) { Window = TimeSpan.FromMinutes(5) }], strategy);
        var feed = parts.Farm[2].KeyFeed;
        Assert.NotNull(feed);

        parts.Timeline.Start(0, now: Minute);

        Assert.Null(parts.Farm[2].KeyFeed);
        Assert.Same(feed, parts.Farm[1].KeyFeed);

        parts.Timeline.End(0, now: 6 * Minute);

        Assert.Same(feed, parts.Farm[2].KeyFeed);
    }

    [Fact]
    public void ScaleOutThenScaleIn_AddsServersToTheBalancer_ThenRemovesTheHighestNumbered()
    {
        var parts = Parts(
            [new FaultConfig(TimeSpan.Zero, FaultKind.ScaleOut, -1) { Count = 2 }, new FaultConfig(TimeSpan.Zero, FaultKind.ScaleIn, -1) { Count = 3 }],
            maxServers: 5);

        parts.Timeline.Start(0, now: Minute);

        Assert.Equal(5, parts.Farm.Created);
        Assert.True(parts.Balancer.IsLive(4));

        parts.Timeline.Start(1, now: 2 * Minute);

        Assert.Equal([0, 1], parts.Farm.Live);
        Assert.False(parts.Balancer.IsLive(2));
    }

    [Fact]
    public void FlushStore_EmptiesThatServersStoreOnly()
    {
        var parts = Parts([new FaultConfig(TimeSpan.Zero, FaultKind.FlushStore, 1)]);
        var id = Tls.SessionId.FromBytes(Enumerable.Repeat((byte)4, 32).ToArray());
        foreach (var s in new[] { 0, 1 })
        {
            var tls = parts.Farm[s].Resumption.For(0);
            tls.Store.Put(id, tls.PastSession12(new byte[Tls.SessionState.MasterSecretLength], 0), 0);
        }

        parts.Timeline.Start(0, now: Minute);

        Assert.Equal(1, parts.Farm[0].Resumption.For(0).Store.Count);
        Assert.Equal(0, parts.Farm[1].Resumption.For(0).Store.Count);
    }

    private static (FaultTimeline Timeline, Simulation Sim, Farm Farm, Balancer Balancer) Parts(IReadOnlyList<FaultConfig> faults, StrategyConfig? strategy = null, int maxServers = 3)
    {
        strategy ??= TestScenarios.Ids();
        var scenario = FarmParts.Servers(strategy, 3) with { Faults = faults };
        var farm = FarmParts.Farm(scenario, strategy, maxServers, out var setup);
        var balancer = Balancer.Create(scenario.Farm, farm.Nodes, FarmParts.Seed);
        var end = 60 * Minute;
        var metrics = new MetricsRecorder(0, end, Minute, maxServers);
        var sim = new Simulation();
        return (new FaultTimeline(faults, sim, farm, setup.SharedTier, balancer, metrics, end), sim, farm, balancer);
    }
}
