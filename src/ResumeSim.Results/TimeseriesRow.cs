namespace ResumeSim.Results;

/// <summary>
/// One row of <c>timeseries.csv</c>: one time bucket of one strategy, sweep point and replication.
/// <paramref name="TimeS"/> (column <c>t_s</c>) is the bucket start in seconds since the start of
/// the measured period (warm-up is not written, so it is never negative). Counts are events that
/// happened in the bucket; <c>cpu_util</c> is the bucket's mean farm utilization (0..1);
/// <c>queue_len_max</c>, <c>store_entries</c> and <c>store_bytes</c> are levels sampled over the bucket
/// (maximum queue length, store occupancy at the bucket end).
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
    private readonly SweepCells _sweep = SweepCells.Empty;

    /// <summary>The sweep point, in the scenario's sweep key order; empty without a sweep.</summary>
    public IReadOnlyList<SweepCell> Sweep
    {
        get => _sweep;
        init => _sweep = SweepCells.From(value);
    }
}
