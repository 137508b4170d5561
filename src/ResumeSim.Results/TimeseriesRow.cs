namespace ResumeSim.Results;

/// <summary>
/// One row of <c>timeseries.csv</c>: one time bucket of one strategy, sweep point and replication.
/// <paramref name="TimeS"/> (column <c>t_s</c>) is the bucket start in seconds since the start of
/// the measured period (warm-up is not written, so it is never negative). Counts are events that
/// happened in the bucket; <c>cpu_util</c> is the bucket's mean farm utilization (0..1);
/// <c>queue_len_max</c>, <c>store_entries</c> and <c>store_bytes</c> are levels sampled over the bucket
/// (maximum queue length, store occupancy at the bucket end). The farm columns (docs/results.md):
/// <c>cpu_util_server_max</c> the busiest server's utilization, <c>cpu_util_by_server</c> every
/// server's utilization joined by <c>;</c> (server 1 first), <c>servers_up</c> servers taking
/// connections at the bucket end, <c>cache_lookups</c>/<c>cache_puts</c> shared-cache operations,
/// <c>cache_failed</c> those sent to a failed node, <c>cache_delay_ms</c> their mean added delay,
/// <c>stick_evictions</c> stick-table entries dropped for room.
/// </summary>
public sealed record TimeseriesRow(
    string Strategy,
    int Replication,
    double TimeS,
    long Arrivals,
    long Connections,
    long Full,
    long Resumed,
    double ResumptionRate,
    double CpuUtil,
    long QueueLenMax,
    long StoreEntries,
    long StoreBytes,
    long TicketsRejected)
{
    public double CpuUtilServerMax { get; init; }

    private readonly PerServerValues _cpuUtilByServer = PerServerValues.Empty;

    /// <summary>Per-server utilization, server 1 first (the <c>cpu_util_by_server</c> column).</summary>
    public IReadOnlyList<double> CpuUtilByServer
    {
        get => _cpuUtilByServer;
        init => _cpuUtilByServer = PerServerValues.From(value);
    }

    public long ServersUp { get; init; }

    public long CacheLookups { get; init; }

    public long CachePuts { get; init; }

    public long CacheFailed { get; init; }

    public double CacheDelayMs { get; init; }

    public long StickEvictions { get; init; }

    private readonly SweepCells _sweep = SweepCells.Empty;

    /// <summary>The sweep point, in the scenario's sweep key order; empty without a sweep.</summary>
    public IReadOnlyList<SweepCell> Sweep
    {
        get => _sweep;
        init => _sweep = SweepCells.From(value);
    }
}
