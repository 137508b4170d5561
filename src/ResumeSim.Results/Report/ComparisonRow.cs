namespace ResumeSim.Results.Report;

/// <summary>One metric of one strategy and sweep point in two runs (their <c>summary_ci.csv</c> rows).</summary>
public sealed record ComparisonRow(string Strategy, SweepCells Sweep, string Metric, CiRow A, CiRow B)
{
    /// <summary>B's mean minus A's.</summary>
    public double Difference => B.Mean - A.Mean;

    /// <summary>Whether the difference is outside both intervals.</summary>
    public CiVerdict Verdict =>
        double.IsNaN(A.Mean) || double.IsNaN(B.Mean) ? CiVerdict.NotComputable :
        A.N < 2 || B.N < 2 ? CiVerdict.NoInterval :
        Outside(B.Mean, A) && Outside(A.Mean, B) ? CiVerdict.OutsideBoth :
        CiVerdict.WithinACi;

    /// <summary>The verdict as <c>compare</c> and the report print it.</summary>
    public string VerdictText => Verdict switch
    {
        CiVerdict.OutsideBoth => "yes",
        CiVerdict.WithinACi => "no",
        CiVerdict.NoInterval => "no CI (n < 2)",
        _ => "n/a",
    };

    private static bool Outside(double value, CiRow ci) => value < ci.Ci95Low || value > ci.Ci95High;
}
