namespace ResumeSim.Results;

/// <summary>
/// One row of <c>summary_ci.csv</c>: the mean of one summary metric across replications of one
/// strategy at one sweep point, with its sample standard deviation and 95% Student-t confidence
/// interval. See <see cref="ConfidenceIntervals"/> for the formulas and the n = 0 and n = 1 cases.
/// </summary>
public sealed record CiRow(
    string Strategy,
    IReadOnlyList<SweepCell> Sweep,
    string Metric,
    int N,
    double Mean,
    double StdDev,
    double Ci95Low,
    double Ci95High)
{
    private readonly SweepCells _sweep = SweepCells.From(Sweep);

    /// <summary>The sweep point, in the scenario's sweep key order; empty without a sweep.</summary>
    public IReadOnlyList<SweepCell> Sweep
    {
        get => _sweep;
        init => _sweep = SweepCells.From(value);
    }
}
