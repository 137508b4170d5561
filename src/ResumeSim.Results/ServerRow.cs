namespace ResumeSim.Results;

/// <summary>
/// One row of <c>servers.csv</c>: one server in one time bucket of one strategy, sweep point and replication
/// (the tidy form of <c>timeseries.csv</c>'s <c>cpu_util_by_server</c>). <paramref name="TimeS"/> (column
/// <c>t_s</c>) is the bucket start as in <c>timeseries.csv</c>; <paramref name="Server"/> counts from 1.
/// <paramref name="CpuUtil"/> is the server's busy core time over its cores times the bucket (0 while it is
/// absent or down); <paramref name="Handshakes"/> the handshakes (full and resumed) it started in the bucket
/// and <paramref name="ServiceMeanMs"/> their mean service time (0 without handshakes).
/// </summary>
public sealed record ServerRow(string Strategy, int Replication, double TimeS, int Server, double CpuUtil, long Handshakes, double ServiceMeanMs)
{
    private readonly SweepCells _sweep = SweepCells.Empty;

    /// <summary>The sweep point, in the scenario's sweep key order; empty without a sweep.</summary>
    public IReadOnlyList<SweepCell> Sweep
    {
        get => _sweep;
        init => _sweep = SweepCells.From(value);
    }
}
