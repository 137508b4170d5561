using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Servers;

/// <summary>The farm's servers on their own: membership, restarts and key desyncs.</summary>
public sealed class FarmTests
{
    private static readonly SessionId Id = SessionId.FromBytes(Enumerable.Repeat((byte)9, 32).ToArray());

    [Fact]
    public void New_MakesTheInitialServersLive_LeavesScaleOutSlotsEmpty()
    {
        var farm = FarmParts.Farm(FarmParts.Servers(TestScenarios.Ids(), 3), TestScenarios.Ids(), maxServers: 5, out _);

        Assert.Equal(3, farm.Created);
        Assert.Equal([0, 1, 2], farm.Live);
        Assert.Null(farm.Nodes[3]);
    }

    [Fact]
    public void Add_NewServerJoinsLiveInIndexOrder()
    {
        var farm = FarmParts.Farm(FarmParts.Servers(TestScenarios.Ids(), 3), TestScenarios.Ids(), maxServers: 5, out _);
        farm.SetLive(1, false);

        var added = farm.Add(now: 10);
        farm.SetLive(1, true);

        Assert.Equal(3, added);
        Assert.Equal([0, 1, 2, 3], farm.Live);
        Assert.NotNull(farm[3].Resumption);
    }

    [Fact]
    public void Restart_PerServerStore_LosesItsSessionsAndCountsTheRestart()
    {
        var farm = FarmParts.Farm(FarmParts.Servers(TestScenarios.Ids(), 2), TestScenarios.Ids(), maxServers: 2, out _);
        var before = farm[0].Resumption;
        var store = before.For(0).Store;
        store.Put(Id, before.For(0).PastSession12(new byte[SessionState.MasterSecretLength], 0), 0);

        farm.Restart(0, now: 100);

        Assert.Equal(1, farm.Restarts(0));
        Assert.Equal(0, farm.Restarts(1));
        Assert.Equal(0, store.Count);
        Assert.NotSame(before, farm[0].Resumption);
    }

    [Fact]
    public void Restart_ServerNotYetCreated_DoesNothing()
    {
        var farm = FarmParts.Farm(FarmParts.Servers(TestScenarios.Ids(), 1), TestScenarios.Ids(), maxServers: 3, out _);

        farm.Restart(2, now: 100);

        Assert.Equal(0, farm.Restarts(2));
        Assert.Equal(1, farm.Created);
    }

    [Fact]
    public void Desync_TakesTheServerOffTheKeyFeedOntoItsOwnRing_HealingRestoresBoth()
    {
        var strategy = TestScenarios.Tickets() with { Tickets = TestScenarios.Tickets().Tickets! with { Propagation = TimeSpan.FromSeconds(30) } };
        var farm = FarmParts.Farm(FarmParts.Servers(strategy, 2), strategy, maxServers: 2, out var setup);
        var farmRing = farm[0].Resumption.Rotator;
        Assert.NotNull(farm[0].KeyFeed);

        farm.Desync(0, own: true, now: 100);
        var ownRing = farm[0].Resumption.Rotator;

        Assert.Null(farm[0].KeyFeed);
        Assert.NotSame(farmRing, ownRing);
        Assert.Same(setup.DistributedKeys, farm[1].KeyFeed);

        farm.Desync(0, own: false, now: 200);

        Assert.Same(setup.DistributedKeys, farm[0].KeyFeed);
        Assert.NotSame(ownRing, farm[0].Resumption.Rotator);
    }

    [Fact]
    public void Restart_DuringADesync_PutsTheServerBackOnTheKeyFeed()
    {
        var strategy = TestScenarios.Tickets() with { Tickets = TestScenarios.Tickets().Tickets! with { Propagation = TimeSpan.FromSeconds(30) } };
        var farm = FarmParts.Farm(FarmParts.Servers(strategy, 2), strategy, maxServers: 2, out var setup);
        farm.Desync(1, own: true, now: 100);

        farm.Restart(1, now: 200);

        Assert.Same(setup.DistributedKeys, farm[1].KeyFeed);
    }
}
