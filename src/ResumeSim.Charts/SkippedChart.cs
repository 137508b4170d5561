namespace ResumeSim.Charts;

/// <summary>A chart that was asked for but not drawn, and why (for example a run with no latency rows).</summary>
public sealed record SkippedChart(string Name, string Reason);
