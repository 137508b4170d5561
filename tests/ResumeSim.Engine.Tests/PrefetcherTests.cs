using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

public sealed class PrefetcherTests
{
    [Fact]
    public void Prefetch_IsToldTheEventDispatchedNext_IncludingOnesScheduledMeanwhile()
    {
        var sim = new Simulation();
        var hinted = new List<Event>();
        var handler = new RecordingHandler(e =>
        {
            // Each event schedules a later one, and the first also one at the same tick (FIFO after it).
            if (e.Target < 200)
            {
                sim.Schedule(e.Time + 1 + (e.Target % 7), 0, e.Target + 100);
            }
        });
        sim.Register(0, handler);
        sim.SetPrefetcher(new Hints(hinted));
        for (int i = 0; i < 50; i++)
        {
            sim.Schedule(i % 5, 0, i);
        }

        sim.Run(long.MaxValue - 1);

        // The hint before event k names event k+1 as the queue held it then; an event scheduled by
        // event k itself may still come first, so every hint must be a real later event, in order.
        Assert.Equal(handler.Events.Count - 1, hinted.Count);
        var dispatched = handler.Events.Select(e => (e.Time, e.Sequence)).ToHashSet();
        Assert.All(hinted, h => Assert.Contains((h.Time, h.Sequence), dispatched));
        Assert.True(hinted.Select(h => (h.Time, h.Sequence)).SequenceEqual(hinted.Select(h => (h.Time, h.Sequence)).Order()));
    }

    [Fact]
    public void Prefetch_WhenHandlersScheduleNothing_NamesExactlyTheNextEvent()
    {
        var sim = new Simulation();
        var hinted = new List<Event>();
        var handler = new RecordingHandler();
        sim.Register(0, handler);
        sim.SetPrefetcher(new Hints(hinted));
        for (int i = 0; i < 5_000; i++)
        {
            sim.Schedule((i * 7919L) % 1000, 0, i); // ties and a bucket queue large enough to build years
        }

        sim.Run(long.MaxValue - 1);

        Assert.Equal(handler.Events.Skip(1), hinted);
    }

    [Fact]
    public void Trace_IsTheSameWithAndWithoutAPrefetcher()
    {
        var plain = new TraceWorkload(new Simulation(), 11, 300).Run(SimTime.FromSeconds(30));
        var sim = new Simulation();
        var hinted = new List<Event>();
        sim.SetPrefetcher(new Hints(hinted));
        var withHints = new TraceWorkload(sim, 11, 300).Run(SimTime.FromSeconds(30));
        Assert.Equal(plain, withHints);
        Assert.NotEmpty(hinted);
    }

    private sealed class Hints(List<Event> seen) : IEventPrefetcher
    {
        public void Prefetch(in Event next) => seen.Add(next);
    }
}
