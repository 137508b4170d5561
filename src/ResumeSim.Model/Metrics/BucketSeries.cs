namespace ResumeSim.Model.Metrics;

/// <summary>Per-bucket counters and samples of the measured window.</summary>
internal sealed class BucketSeries(int buckets)
{
    public long[] Arrivals { get; } = new long[buckets];

    public long[] Connections { get; } = new long[buckets];

    public long[] Full { get; } = new long[buckets];

    public long[] Resumed { get; } = new long[buckets];

    public long[] TicketsRejected { get; } = new long[buckets];

    public int[] QueueLengthMax { get; } = new int[buckets];

    /// <summary>Session-store entries summed over the strategy's stores, sampled at the bucket's end.</summary>
    public long[] StoreEntries { get; } = new long[buckets];

    public long[] StoreBytes { get; } = new long[buckets];
}
