namespace ResumeSim.Results;

/// <summary>
/// One row of <c>servers.csv</c>: one server in one time bucket of one strategy, sweep point and replication
/// (the tidy form of <c>timeseries.csv</c>'s <c>cpu_util_by_server</c>). <paramref name="TimeS"/> (column
/// <c>t_s</c>) is the bucket start as in <c>timeseries.csv</c>; <paramref name="Server"/> counts from 1.
/// <paramref name="CpuUtil"/> is the server's busy core time over its cores times the bucket (0 while it is
/// absent or down); <paramref name="HandshakesFull"/> and <paramref name="HandshakesResumed"/> its handshakes of
/// connections that started in the bucket (summed over servers they are timeseries.csv's <c>full</c> and
/// <c>resumed</c>); <paramref name="ServiceMeanMs"/> the mean service time of the handshakes it started on a
/// core in the bucket (0 without any).
/// </summary>
public sealed record ServerRow(string Strategy, int Replication, double TimeS, int Server, double CpuUtil, long HandshakesFull, long HandshakesResumed, double ServiceMeanMs)
{
    private readonly SweepCells _sweep = SweepCells.Empty;

    /// <summary>The sweep point, in the scenario's sweep key order; empty without a sweep.</summary>
    public IReadOnlyList<SweepCell> Sweep
    {
        get => _sweep;
        init => _sweep = SweepCells.From(value);
    }
}
