using ResumeSim.Model.Metrics;
using ResumeSim.Model.Servers;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Tests.Servers;

/// <summary>A server's cores when a service end is an event only if someone waits (docs/engine.md, "Service ends").</summary>
public sealed class ServerNodeTests
{
    [Fact]
    public void TryFindFreeCore_NewServer_EveryCoreIsFree()
    {
        var node = new ServerNode(0, 2, null!);

        Assert.True(node.TryFindFreeCore(0, 0, out var core));
        Assert.Equal(0, core);
    }

    [Fact]
    public void TryFindFreeCore_BusyCore_IsFreeOnlyAfterItsEndInEventOrder()
    {
        var node = new ServerNode(0, 1, null!);
        node.Occupy(0, endsAt: 100, endSequence: 5);

        Assert.False(node.TryFindFreeCore(99, 1_000, out _));
        Assert.False(node.TryFindFreeCore(100, 4, out _)); // same time, earlier event: the end has not run
        Assert.True(node.TryFindFreeCore(100, 6, out var core)); // same time, later event: it has
        Assert.Equal(0, core);
        Assert.True(node.TryFindFreeCore(101, 0, out _));
    }

    [Fact]
    public void TryFindFreeCore_TakesTheFirstFreeCore()
    {
        var node = new ServerNode(0, 3, null!);
        node.Occupy(0, 500, 1);
        node.Occupy(1, 50, 2);
        node.Occupy(2, 60, 3);

        Assert.True(node.TryFindFreeCore(55, 10, out var core));
        Assert.Equal(1, core);
        node.Occupy(1, 900, 11);
        Assert.True(node.TryFindFreeCore(65, 12, out core));
        Assert.Equal(2, core);
    }

    [Fact]
    public void TakeUnscheduledEnd_GivesEachServiceEndOnce_AndNothingForAnIdleCore()
    {
        var node = new ServerNode(0, 2, null!);
        node.Occupy(1, 700, 42);

        Assert.False(node.TakeUnscheduledEnd(0, out _, out _));
        Assert.True(node.TakeUnscheduledEnd(1, out var endsAt, out var sequence));
        Assert.Equal((700, 42), (endsAt, sequence));
        Assert.False(node.TakeUnscheduledEnd(1, out _, out _));

        node.Release(1);
        Assert.False(node.TakeUnscheduledEnd(1, out _, out _));
        Assert.True(node.TryFindFreeCore(0, 0, out var core));
        Assert.Equal(0, core);

        node.Occupy(1, 800, 43); // a new service on the core is unscheduled again
        Assert.True(node.TakeUnscheduledEnd(1, out endsAt, out _));
        Assert.Equal(800, endsAt);
    }

    [Fact]
    public void ServiceMoments_DoNotDependOnTheOrderOfServices()
    {
        // Services are counted when they start; large squares must not round differently by order.
        long[] durations = [94_906_267, 3, 94_906_265, 1, 77_777_777, 250_000, 94_906_263];
        var forward = default(ServiceMoments);
        var backward = default(ServiceMoments);
        foreach (var d in durations)
        {
            forward.Add(d);
        }

        foreach (var d in durations.Reverse())
        {
            backward.Add(d);
        }

        Assert.Equal(forward.SumOfSquares, backward.SumOfSquares);
        Assert.Equal(forward.SquaredCoefficientOfVariation, backward.SquaredCoefficientOfVariation);
        var exact = UInt128.Zero;
        foreach (var d in durations)
        {
            exact += (UInt128)(ulong)d * (ulong)d;
        }

        Assert.Equal(exact, forward.SumOfSquares);
        Assert.Throws<ArgumentOutOfRangeException>(() => forward.Add(-1));
    }
}
