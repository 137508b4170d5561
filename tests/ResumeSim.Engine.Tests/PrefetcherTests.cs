using ResumeSim.Bench.Queues;
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

    [Theory]
    [InlineData(nameof(BucketQueue))]
    [InlineData(nameof(QuaternaryHeap))]
    [InlineData(nameof(BinaryHeap))]
    public void PrefetchAhead_WhenHandlersScheduleNothing_NamesTheEventAfterNext(string queueName)
    {
        var sim = new Simulation(EventQueueContractTests.Create(queueName));
        var ahead = new List<Event>();
        var handler = new RecordingHandler();
        sim.Register(0, handler);
        sim.SetPrefetcher(new Hints([], ahead));
        for (int i = 0; i < 5_000; i++)
        {
            sim.Schedule((i * 7919L) % 1000, 0, i);
        }

        sim.Run(long.MaxValue - 1);

        // Heaps always know their second entry; the bucket queue only within a bucket, so it may skip
        // a few, but whatever it names is exactly the event two places on.
        var dispatched = handler.Events.ToList();
        var byPosition = dispatched.Select((e, i) => (e, i)).ToDictionary(p => (p.e.Time, p.e.Sequence), p => p.i);
        Assert.True(ahead.Count >= (queueName == nameof(BucketQueue) ? dispatched.Count / 2 : dispatched.Count - 2));
        int last = 1;
        foreach (var e in ahead)
        {
            int at = byPosition[(e.Time, e.Sequence)];
            Assert.True(at > last, "hints name later and later events");
            last = at;
        }

        Assert.Equal(dispatched.Skip(2).Take(10), ahead.Take(10));
    }

    [Fact]
    public void Trace_IsTheSameWithAPrefetcherThatLooksTwoAhead()
    {
        var plain = new TraceWorkload(new Simulation(), 12, 300).Run(SimTime.FromSeconds(30));
        var sim = new Simulation();
        var ahead = new List<Event>();
        sim.SetPrefetcher(new Hints([], ahead));
        Assert.Equal(plain, new TraceWorkload(sim, 12, 300).Run(SimTime.FromSeconds(30)));
        Assert.NotEmpty(ahead);
    }

    private sealed class Hints(List<Event> seen, List<Event>? ahead = null) : IEventPrefetcher
    {
        public void Prefetch(in Event next) => seen.Add(next);

        public void PrefetchAhead(in Event afterNext) => ahead?.Add(afterNext);
    }
}
