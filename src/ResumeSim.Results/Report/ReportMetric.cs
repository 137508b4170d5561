namespace ResumeSim.Results.Report;

/// <summary>A <c>summary.csv</c> column as a report shows it: its name, a short heading and its unit.</summary>
public sealed record ReportMetric(string Name, string Heading, ReportUnit Unit)
{
    /// <summary>The unit from the column name's suffix (docs/results.md: <c>_ms</c>, <c>_s</c>, <c>_bytes</c>, rates and shares).</summary>
    public static ReportUnit UnitOf(string name) =>
        name.EndsWith("_ms", StringComparison.Ordinal) || name.Contains("_ms_", StringComparison.Ordinal) ? ReportUnit.Milliseconds :
        name.EndsWith("_s", StringComparison.Ordinal) || name.EndsWith("_seconds", StringComparison.Ordinal) ? ReportUnit.Seconds :
        name.EndsWith("_bytes", StringComparison.Ordinal) ? ReportUnit.Bytes :
        name.StartsWith("cores_needed", StringComparison.Ordinal) ? ReportUnit.Cores :
        name.Contains("rate", StringComparison.Ordinal) || name.Contains("share", StringComparison.Ordinal) || name.StartsWith("cpu_util", StringComparison.Ordinal)
            ? ReportUnit.Fraction
            : ReportUnit.Count;

    /// <summary>A metric headed by its own column name.</summary>
    public static ReportMetric Of(string name) => new(name, name, UnitOf(name));
}
