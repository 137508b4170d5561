using ResumeSim.Bench.Queues;
using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

/// <summary>The <see cref="IEventQueue"/> contract, checked for every implementation against a sorted reference.</summary>
public sealed class EventQueueContractTests
{
    public static TheoryData<string> Queues => new() { nameof(BinaryHeap), nameof(QuaternaryHeap), nameof(CalendarQueue), nameof(BucketQueue) };

    internal static IEventQueue Create(string name) => name switch
    {
        nameof(BinaryHeap) => new BinaryHeap(),
        nameof(QuaternaryHeap) => new QuaternaryHeap(),
        nameof(CalendarQueue) => new CalendarQueue(),
        nameof(BucketQueue) => new BucketQueue(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Queues))]
    public void Dequeue_EqualTimes_LeaveInKeyOrder(string queueName)
    {
        var queue = Create(queueName);
        // Interleave two times so equal-time entries are not enqueued back to back.
        for (long k = 0; k < 1000; k++)
        {
            queue.Enqueue(k % 2 == 0 ? 500 : 100, k);
        }

        var seen = Drain(queue);
        Assert.Equal(1000, seen.Count);
        for (int i = 0; i < 500; i++)
        {
            Assert.Equal((100L, 2L * i + 1), seen[i]);
            Assert.Equal((500L, 2L * i), seen[500 + i]);
        }
    }

    [Theory]
    [MemberData(nameof(Queues))]
    public void EmptyQueue_PeekAndDequeueReturnFalse(string queueName)
    {
        var queue = Create(queueName);
        Assert.False(queue.TryPeek(out _, out _));
        Assert.False(queue.TryDequeue(out _, out _));
        queue.Enqueue(7, 1);
        Assert.True(queue.TryDequeue(out long t, out long k));
        Assert.Equal((7L, 1L), (t, k));
        Assert.False(queue.TryDequeue(out _, out _));
        Assert.Equal(0, queue.Count);
    }

    [Theory]
    [MemberData(nameof(Queues))]
    public void Clear_RemovesEverything_AndQueueStaysUsable(string queueName)
    {
        var queue = Create(queueName);
        for (long k = 0; k < 5000; k++)
        {
            queue.Enqueue(k * 37 % 1001, k);
        }

        queue.TryDequeue(out _, out _);
        queue.Clear();
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryPeek(out _, out _));
        queue.Enqueue(3, 9);
        queue.Enqueue(1, 10);
        Assert.Equal([(1L, 10L), (3L, 9L)], Drain(queue));

    }

    [Theory]
    [MemberData(nameof(Queues))]
    public void Clear_WithThousandsPending_NothingReappearsAfterRefill(string queueName)
    {
        // Thousands of entries (past the calendar's heap-only size) are pending when Clear runs.
        var queue = Create(queueName);
        for (long k = 0; k < 5000; k++)
        {
            queue.Enqueue(k * 37 % 1001, k);
            queue.TryDequeue(out _, out _);
            queue.Enqueue(k * 37 % 1001, k);
        }

        queue.Clear();
        for (long k = 0; k < 3000; k++)
        {
            queue.Enqueue(k % 500, 100_000 + k);
        }

        var drained = Drain(queue);
        Assert.Equal(3000, drained.Count);
        Assert.All(drained, e => Assert.True(e.Item2 >= 100_000));
        Assert.Equal(drained.OrderBy(e => e.Item1).ThenBy(e => e.Item2), drained);
    }

    [Theory]
    [MemberData(nameof(Queues))]
    public void RandomOperations_MatchSortedReference_UniformWithManyTies(string queueName) =>
        RunAgainstReference(Create(queueName), seed: 1, operations: 60_000, (rng, now) => now + rng.NextInt64(0, 50));

    [Theory]
    [MemberData(nameof(Queues))]
    public void RandomOperations_MatchSortedReference_ExponentialGaps(string queueName) =>
        RunAgainstReference(Create(queueName), seed: 2, operations: 60_000, (rng, now) => now + (long)(rng.NextExponential(1.0) * 1e6));

    [Theory]
    [MemberData(nameof(Queues))]
    public void RandomOperations_MatchSortedReference_VerySkewedTimes(string queueName) =>
        RunAgainstReference(Create(queueName), seed: 3, operations: 60_000, (rng, now) => rng.Next(10) switch
        {
            // Mostly microseconds ahead, sometimes hours, sometimes centuries, sometimes exactly now.
            < 6 => now + rng.NextInt64(1, 1000),
            < 8 => now,
            8 => now + rng.NextInt64(0, 3_600_000_000_000),
            _ => long.MaxValue - rng.NextInt64(0, 1000),
        });

    // Keys need not grow with arrival: Simulation.ScheduleReserved enqueues an old sequence number late,
    // and entries moved between regions arrive out of order. Equal times must still leave in key order.
    [Theory]
    [MemberData(nameof(Queues))]
    public void RandomOperations_MatchSortedReference_ManyTiesWithKeysOutOfArrivalOrder(string queueName) =>
        RunAgainstReference(Create(queueName), seed: 6, operations: 60_000, (rng, now) => now + rng.NextInt64(0, 50), ScrambledKey);

    [Theory]
    [MemberData(nameof(Queues))]
    public void RandomOperations_MatchSortedReference_ExponentialGapsWithKeysOutOfArrivalOrder(string queueName) =>
        RunAgainstReference(Create(queueName), seed: 7, operations: 60_000, (rng, now) => now + (long)(rng.NextExponential(1.0) * 1e6), ScrambledKey);

    [Theory]
    [MemberData(nameof(Queues))]
    public void RandomOperations_MatchSortedReference_WhenTimesGoBackwards(string queueName) =>
        RunAgainstReference(Create(queueName), seed: 4, operations: 40_000, (rng, now) => now + rng.NextInt64(-5000, 100_000));

    [Theory]
    [MemberData(nameof(Queues))]
    public void GrowThenShrinkThenGrow_MatchesSortedReference(string queueName)
    {
        // Population swings from 0 to 200k and back several times, which forces the calendar to resize.
        var queue = Create(queueName);
        var reference = new SortedSet<(long, long)>();
        var rng = new RandomStream(5);
        long key = 0;
        long now = 0;
        foreach (int target in new[] { 200_000, 10, 50_000, 0, 1_000, 120_000, 0 })
        {
            while (reference.Count < target)
            {
                long t = now + (long)(rng.NextExponential(1.0) * 1e9);
                queue.Enqueue(t, key);
                reference.Add((t, key++));
            }

            while (reference.Count > target)
            {
                Assert.True(queue.TryDequeue(out long t, out long k));
                var expected = reference.Min;
                reference.Remove(expected);
                Assert.Equal(expected, (t, k));
                now = t;
            }

            Assert.Equal(reference.Count, queue.Count);
        }
    }

    /// <summary>A key unique to each arrival number but in no order with it (an odd multiplier is a bijection mod 2^64).</summary>
    private static long ScrambledKey(long arrival) => unchecked((long)((ulong)arrival * 0x9E3779B97F4A7C15UL));

    private static void RunAgainstReference(IEventQueue queue, ulong seed, int operations, Func<RandomStream, long, long> nextTime, Func<long, long>? keyOf = null)
    {
        var reference = new SortedSet<(long Time, long Key)>();
        var rng = new RandomStream(seed);
        long key = 0;
        long now = 0;
        int secondsSeen = 0;
        for (int i = 0; i < operations; i++)
        {
            int op = rng.Next(100);
            // Phases that mostly grow, then mostly shrink, so sizes vary widely.
            int enqueueShare = (i / 10_000) % 2 == 0 ? 65 : 40;
            if (op < enqueueShare)
            {
                long t = Math.Max(0, nextTime(rng, now));
                long k = keyOf is null ? key : keyOf(key);
                key++;
                queue.Enqueue(t, k);
                reference.Add((t, k));
            }
            else if (op < 90)
            {
                bool any = queue.TryDequeue(out long t, out long k);
                Assert.Equal(reference.Count > 0, any);
                if (any)
                {
                    var expected = reference.Min;
                    reference.Remove(expected);
                    Assert.Equal(expected, (t, k));
                    now = t;
                }
            }
            else
            {
                bool any = queue.TryPeek(out long t, out long k);
                Assert.Equal(reference.Count > 0, any);
                if (any)
                {
                    Assert.Equal(reference.Min, (t, k));
                }

                // The second entry is optional, but when given it must be exact; plain heaps always know it.
                QueueEntry s = default;
                bool second = queue is IEventQueueLookahead lookahead && lookahead.TryPeekSecond(out s);
                Assert.True(!second || reference.Count >= 2);
                Assert.True(second || reference.Count < 2 || queue is CalendarQueue or BucketQueue);
                if (second)
                {
                    Assert.Equal(reference.Skip(1).First(), (s.Time, s.Key));
                    secondsSeen++;
                }
            }

            Assert.Equal(reference.Count, queue.Count);
        }

        Assert.Equal(reference.ToList(), Drain(queue));
        Assert.True(secondsSeen > 0 || queue is CalendarQueue, "the queue never told its second entry");
    }

    internal static List<(long, long)> Drain(IEventQueue queue)
    {
        var result = new List<(long, long)>();
        while (queue.TryDequeue(out long t, out long k))
        {
            result.Add((t, k));
        }

        return result;
    }
}
