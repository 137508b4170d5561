namespace ResumeSim.Results;

/// <summary>
/// One row of <c>latency.csv</c>: one histogram bucket. <paramref name="Metric"/> is
/// <c>handshake</c>, <c>page</c> or <c>queue_wait</c>; <paramref name="Count"/> samples were at most
/// <paramref name="UpperMs"/> and above the previous bucket's bound; <paramref name="CumulativeFraction"/>
/// is the share of the metric's samples at or below <paramref name="UpperMs"/> (the empirical CDF).
/// Build rows from (upper bound, count) pairs with <see cref="LatencyHistogram.ToRows"/>.
/// </summary>
public sealed record LatencyRow(
    string Strategy,
    int Replication,
    string Metric,
    double UpperMs,
    long Count,
    double CumulativeFraction)
{
    private readonly SweepCells _sweep = SweepCells.Empty;

    /// <summary>The sweep point, in the scenario's sweep key order; empty without a sweep.</summary>
    public IReadOnlyList<SweepCell> Sweep
    {
        get => _sweep;
        init => _sweep = SweepCells.From(value);
    }
}
