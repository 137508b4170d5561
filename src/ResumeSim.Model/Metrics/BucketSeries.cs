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

    /// <summary>The part of <see cref="StoreEntries"/> not expired at the bucket's end (expired ones wait for a sweep).</summary>
    public long[] StoreLiveEntries { get; } = new long[buckets];

    public long[] StoreLiveBytes { get; } = new long[buckets];

    /// <summary>Shared-cache gets and takes sent in the bucket.</summary>
    public long[] CacheLookups { get; } = new long[buckets];

    public long[] CachePuts { get; } = new long[buckets];

    /// <summary>Shared-cache operations sent to a failed node.</summary>
    public long[] CacheFailed { get; } = new long[buckets];

    /// <summary>Delay the shared cache added to handshakes in the bucket, ns.</summary>
    public long[] CacheDelay { get; } = new long[buckets];

    /// <summary>Stick-table entries dropped for room.</summary>
    public long[] StickEvictions { get; } = new long[buckets];

    /// <summary>Servers taking connections at the bucket's end.</summary>
    public int[] ServersUp { get; } = new int[buckets];
}
