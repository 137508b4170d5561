using ResumeSim.Model.Servers;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Tests.Servers;

/// <summary>
/// nginx workers sharing one listening socket (EPOLLEXCLUSIVE) with <c>ngx_reorder_accept_events</c>
/// (src/event/ngx_event_accept.c) re-adding a worker's socket on every 16th of its accepts, counted from 0.
/// </summary>
public sealed class ExclusiveAcceptTests
{
    [Fact]
    public void TwoWorkers_TakeOneEach_ThenRunsOfSixteen_AsMeasuredOnNginx()
    {
        // Measured on nginx 1.22.1, 2 workers, 120 sequential connections: A B, then 16 A, 16 B, ...
        var accept = new ExclusiveAccept(2);
        var order = string.Concat(Enumerable.Range(0, 66).Select(_ => accept.Next() == 0 ? 'A' : 'B'));

        Assert.Equal("AB" + new string('A', 16) + new string('B', 16) + new string('A', 16) + new string('B', 16), order);
    }

    [Fact]
    public void ThreeWorkers_CycleInRegistrationOrder()
    {
        var accept = new ExclusiveAccept(3);
        var first = Enumerable.Range(0, 3).Select(_ => accept.Next()).ToArray();
        Assert.Equal([0, 1, 2], first);
        Assert.Equal(0, accept.Peek);
        var runs = Enumerable.Range(0, 48).Select(_ => accept.Next()).ToArray();
        Assert.Equal(Enumerable.Repeat(0, 16).Concat(Enumerable.Repeat(1, 16)).Concat(Enumerable.Repeat(2, 16)), runs);
    }
}
