using System.Diagnostics;
using ResumeSim.Engine;

namespace ResumeSim.Bench;

/// <summary>
/// The classic hold model (Jones, "An empirical comparison of priority-queue and event-set
/// implementations", CACM 29(4), 1986): fill a queue with n events, then repeatedly dequeue the
/// earliest and enqueue one at its time + Exp(1). Times are <see cref="SimTime"/> ticks (mean 1 s)
/// and keys an increasing sequence, as <see cref="Simulation"/> feeds its queue; each entry carries a
/// payload (here the key again, read back into the checksum) as the simulation's entries carry
/// kind, target and arg, and as <see cref="PriorityQueue{TElement, TPriority}"/> carries its element.
/// </summary>
internal static class HoldModel
{
    /// <summary>One run on an engine queue: (fill seconds, ns per timed hold). The checksum defeats dead-code elimination.</summary>
    public static (double FillSeconds, double NsPerHold, long Checksum) Run(IEventQueue queue, int pending, long warmup, long holds, ulong seed)
    {
        var rng = new RandomStream(seed);
        long key = 0;
        var fill = Stopwatch.StartNew();
        for (int i = 0; i < pending; i++)
        {
            queue.Enqueue(SimTime.FromSeconds(rng.NextExponential(1.0)), key, key);
            key++;
        }

        fill.Stop();
        long checksum = 0;
        for (long i = 0; i < warmup; i++)
        {
            queue.TryDequeue(out var e);
            queue.Enqueue(e.Time + SimTime.FromSeconds(rng.NextExponential(1.0)), key, key);
            key++;
        }

        var timed = Stopwatch.StartNew();
        for (long i = 0; i < holds; i++)
        {
            queue.TryDequeue(out var e);
            checksum += e.Payload;
            queue.Enqueue(e.Time + SimTime.FromSeconds(rng.NextExponential(1.0)), key, key);
            key++;
        }

        timed.Stop();
        Debug.Assert(queue.Count == pending);
        return (fill.Elapsed.TotalSeconds, timed.Elapsed.TotalNanoseconds / holds, checksum);
    }

    /// <summary>The same run on .NET's <see cref="PriorityQueue{TElement, TPriority}"/> with the same (time, key) order.</summary>
    public static (double FillSeconds, double NsPerHold, long Checksum) RunPriorityQueue(int pending, long warmup, long holds, ulong seed)
    {
        var rng = new RandomStream(seed);
        var queue = new PriorityQueue<long, TimeKey>();
        long key = 0;
        var fill = Stopwatch.StartNew();
        for (int i = 0; i < pending; i++)
        {
            long t = SimTime.FromSeconds(rng.NextExponential(1.0));
            queue.Enqueue(key, new TimeKey(t, key));
            key++;
        }

        fill.Stop();
        long checksum = 0;
        for (long i = 0; i < warmup; i++)
        {
            queue.TryDequeue(out _, out var p);
            queue.Enqueue(key, new TimeKey(p.Time + SimTime.FromSeconds(rng.NextExponential(1.0)), key));
            key++;
        }

        var timed = Stopwatch.StartNew();
        for (long i = 0; i < holds; i++)
        {
            queue.TryDequeue(out long k, out var p);
            checksum += k;
            queue.Enqueue(key, new TimeKey(p.Time + SimTime.FromSeconds(rng.NextExponential(1.0)), key));
            key++;
        }

        timed.Stop();
        return (fill.Elapsed.TotalSeconds, timed.Elapsed.TotalNanoseconds / holds, checksum);
    }

    /// <summary>Cost of the random increment alone (ns per draw).</summary>
    public static double RngBaseline(long draws, ulong seed)
    {
        var rng = new RandomStream(seed);
        long sum = 0;
        var sw = Stopwatch.StartNew();
        for (long i = 0; i < draws; i++)
        {
            sum += SimTime.FromSeconds(rng.NextExponential(1.0));
        }

        sw.Stop();
        GC.KeepAlive(sum);
        return sw.Elapsed.TotalNanoseconds / draws;
    }

    /// <summary>A (time, key) priority compared without a comparer object, so PriorityQueue's value-type fast path applies.</summary>
    private readonly record struct TimeKey(long Time, long Key) : IComparable<TimeKey>
    {
        public int CompareTo(TimeKey other)
        {
            int byTime = Time.CompareTo(other.Time);
            return byTime != 0 ? byTime : Key.CompareTo(other.Key);
        }
    }
}
