namespace ResumeSim.Results;

/// <summary>
/// One row of <c>summary.csv</c>: the measured-period totals of one strategy at one sweep point in one
/// replication. Property order is the column order (after <c>strategy, replication</c> come the sweep
/// columns); <c>docs/results.md</c> gives every column's meaning and unit. Times are in milliseconds
/// unless the name ends in <c>S</c> (seconds), sizes in bytes, rates and utilizations are fractions 0..1.
/// A value that cannot be computed (for example a percentile of zero samples) is <see cref="double.NaN"/>.
/// </summary>
public sealed record SummaryRow(
    string Strategy,
    int Replication,
    long Connections,
    long Offered,
    long Full,
    long ResumedId,
    long ResumedTicket,
    long ResumedPsk,
    long ZeroRtt,
    double ResumptionRate,
    double ResumptionRateOffered,
    double HandshakeP50Ms,
    double HandshakeP90Ms,
    double HandshakeP99Ms,
    double HandshakeP999Ms,
    double PageP50Ms,
    double PageP90Ms,
    double PageP99Ms,
    double PageP999Ms,
    long Pages,
    double CpuCoreSeconds,
    double CpuUtilMean,
    double CpuUtilPeak,
    double CoresNeeded,
    double QueueWaitMeanMs,
    double QueueWaitP99Ms,
    long StorePeakEntries,
    long StorePeakBytes,
    long Evictions,
    long Expirations,
    long TicketsIssued,
    long TicketsRejected,
    long TicketsRenewed,
    long HandshakeBytes,
    double ExposureMaxS,
    double ExposureMeanS)
{
    private readonly SweepCells _sweep = SweepCells.Empty;

    /// <summary>Time to first byte, p50: connection start to the first response byte (0-RTT saves one RTT).</summary>
    public double TtfbP50Ms { get; init; } = double.NaN;

    /// <summary>Time to first byte, p99.</summary>
    public double TtfbP99Ms { get; init; } = double.NaN;

    /// <summary>0-RTT early data offered and refused by the server (replay, freshness window, full record).</summary>
    public long EarlyDataRejected { get; init; }

    /// <summary>Server CPU per ready page: cpu_core_seconds x 1000 / pages (the CPU side of the page-ready trade-off).</summary>
    public double CpuMsPerPage { get; init; } = double.NaN;

    /// <summary>Most sessions one ticket key sealed (1 for session stores); NaN without resumption (docs/farm.md).</summary>
    public double ExposureSessionsMax { get; init; } = double.NaN;

    /// <summary>Warm-up this row used, seconds: as written, or found by MSER-5 with <c>warmup: auto</c> (docs/steady-state.md).</summary>
    public double WarmupS { get; init; } = double.NaN;

    /// <summary>With <c>warmup: auto</c>, MSER-5's truncation point on the pilot, seconds (beyond the limit when too short); NaN for a written warm-up.</summary>
    public double WarmupMserS { get; init; } = double.NaN;

    /// <summary>
    /// <c>reached</c>, <c>too-short</c>, <c>drifting:</c> followed by the drifting metrics (<c>;</c>-joined), or
    /// <c>unchecked</c>: whether the measured window is the steady state (docs/steady-state.md).
    /// </summary>
    public string SteadyState { get; init; } = "unchecked";

    /// <summary><c>empty</c>, or <c>stationary</c> when the run started in its stationary state (<c>start: stationary</c>, docs/steady-state.md).</summary>
    public string Start { get; init; } = "empty";

    /// <summary>
    /// Peak of the stores' unexpired entries (bucket ends); <see cref="StorePeakEntries"/> also counts
    /// expired ones still held until a sweep (docs/results.md).
    /// </summary>
    public long StorePeakLiveEntries { get; init; }

    /// <summary>Peak bytes of the stores' unexpired entries, by the stores' per-entry accounting.</summary>
    public long StorePeakLiveBytes { get; init; }

    /// <summary>
    /// Server CPU spent on handshakes (the cost profile's handshake, key exchange, ticket and store
    /// costs), core-seconds: the part of <see cref="CpuCoreSeconds"/> resumption can act on; the rest
    /// is the per-connection base every connection pays.
    /// </summary>
    public double CpuHandshakeCoreSeconds { get; init; } = double.NaN;

    /// <summary><see cref="CpuHandshakeCoreSeconds"/> / <see cref="CpuCoreSeconds"/> (NaN without CPU).</summary>
    public double CpuHandshakeShare { get; init; } = double.NaN;

    /// <summary>
    /// Cores per server the utilization target asks for, unrounded: the busiest server-bucket's busy
    /// cores / <c>output.target_utilization</c>. <see cref="CoresNeeded"/> is this rounded up (at least 1),
    /// or more when the queue-wait target asks for more.
    /// </summary>
    public double CoresNeededFractional { get; init; } = double.NaN;

    /// <summary>The sweep point, in the scenario's sweep key order; empty without a sweep.</summary>
    public IReadOnlyList<SweepCell> Sweep
    {
        get => _sweep;
        init => _sweep = SweepCells.From(value);
    }
}
