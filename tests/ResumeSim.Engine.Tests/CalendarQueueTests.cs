using ResumeSim.Bench.Queues;
using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

public sealed class CalendarQueueTests
{
    [Fact]
    public void Resize_FollowsPopulation_BucketsGrowAndShrink()
    {
        var queue = new CalendarQueue();
        var rng = new RandomStream(11);
        long key = 0;
        for (int i = 0; i < 100_000; i++)
        {
            queue.Enqueue((long)(rng.NextExponential(1.0) * 1e9), key++);
        }

        Assert.True(queue.TryPeek(out _, out _));
        int large = queue.BucketCount;
        Assert.InRange(large, 16_384, 131_072);

        // Hold at 1000 pending for a while: later years are sized for 1000 entries.
        long now = 0;
        while (queue.Count > 1000)
        {
            queue.TryDequeue(out now, out _);
        }

        for (int i = 0; i < 20_000; i++)
        {
            queue.TryDequeue(out now, out _);
            queue.Enqueue(now + (long)(rng.NextExponential(1.0) * 1e9), key++);
        }

        Assert.InRange(queue.BucketCount, 256, 2048);

        // Down to a few entries: heap-only mode, no buckets at all.
        while (queue.Count > 10)
        {
            queue.TryDequeue(out now, out _);
        }

        for (int i = 0; i < 1_000; i++)
        {
            queue.TryDequeue(out now, out _);
            queue.Enqueue(now + (long)(rng.NextExponential(1.0) * 1e9), key++);
        }

        Assert.Equal(0, queue.BucketCount);
    }

    [Fact]
    public void Enqueue_GrowingPopulationDuringAYear_RebuildsAFewTimesOnly()
    {
        var queue = new CalendarQueue();
        queue.Enqueue(0, 0);
        queue.TryPeek(out _, out _);
        long key = 1;
        // Entries land inside the current year, so only the growth trigger can resize; a peek now
        // and then (as a running simulation does) makes the queue rebuild instead of staying unbuilt.
        for (int i = 0; i < 1_000_000; i++)
        {
            queue.Enqueue(i % 997, key++);
            if (i % 1000 == 0)
            {
                Assert.True(queue.TryPeek(out long t, out _));
                Assert.Equal(0, t);
            }
        }

        // Doubling growth: about log2(10^6 / 64) rebuilds, not one per insert.
        Assert.InRange(queue.Rebuilds, 1, 30);
        Assert.Equal(1_000_001, queue.Count);
    }

    [Fact]
    public void Enqueue_BurstWithoutReads_BuildsTheCalendarOnceOnTheNextRead()
    {
        var queue = new CalendarQueue();
        var rng = new RandomStream(12);
        for (long k = 0; k < 200_000; k++)
        {
            queue.Enqueue((long)(rng.NextExponential(1.0) * 1e9), k);
        }

        Assert.Equal(0, queue.Rebuilds);
        Assert.True(queue.TryPeek(out _, out _));
        Assert.Equal(1, queue.Rebuilds);
        Assert.InRange(queue.BucketCount, 65_536, 131_072);
    }

    [Fact]
    public void Dequeue_TimesNearLongMaxValue_AreOrderedAndNotLost()
    {
        var queue = new CalendarQueue();
        long[] times = [long.MaxValue, 0, long.MaxValue - 1, 1L << 62, 5, long.MaxValue, 3];
        for (int i = 0; i < times.Length; i++)
        {
            queue.Enqueue(times[i], i);
        }

        var drained = EventQueueContractTests.Drain(queue);
        var expected = times.Select((t, i) => (t, (long)i)).OrderBy(e => e.t).ThenBy(e => e.Item2).ToList();
        Assert.Equal(expected, drained);
    }
}
