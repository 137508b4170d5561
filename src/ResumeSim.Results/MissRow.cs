namespace ResumeSim.Results;

/// <summary>
/// One row of <c>misses.csv</c>: how many connections of one strategy, sweep point and replication
/// did not resume for <paramref name="Reason"/> (the model's miss reason name, for example
/// <c>not-offered</c> or <c>ticket-key-retired</c>).
/// </summary>
public sealed record MissRow(string Strategy, int Replication, string Reason, long Count)
{
    private readonly SweepCells _sweep = SweepCells.Empty;

    /// <summary>The sweep point, in the scenario's sweep key order; empty without a sweep.</summary>
    public IReadOnlyList<SweepCell> Sweep
    {
        get => _sweep;
        init => _sweep = SweepCells.From(value);
    }
}
