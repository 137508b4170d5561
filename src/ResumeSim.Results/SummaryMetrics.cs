using ResumeSim.Results.Csv;

namespace ResumeSim.Results;

/// <summary>The numeric columns of <c>summary.csv</c> (the metrics of <c>summary_ci.csv</c>), in column order.</summary>
public static class SummaryMetrics
{
    private static readonly string[] _names = SummaryCsv.Metrics.Select(m => m.Name).ToArray();

    /// <summary>Every metric name, as <c>summary.csv</c> spells its column.</summary>
    public static IReadOnlyList<string> Names => _names;

    /// <summary>
    /// Whether the metric is a fraction 0..1 (a rate, utilization or share), so it reads as a percentage.
    /// </summary>
    public static bool IsFraction(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Contains("rate", StringComparison.Ordinal) || name.StartsWith("cpu_util", StringComparison.Ordinal)
            || name.EndsWith("_share", StringComparison.Ordinal);
    }
}
