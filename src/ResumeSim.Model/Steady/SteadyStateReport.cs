namespace ResumeSim.Model.Steady;

/// <summary>How one run's warm-up was chosen and whether its measured window is stationary.</summary>
/// <param name="Warmup">The warm-up the run used, written or found.</param>
/// <param name="Auto">What <c>warmup: auto</c> found; null for a written warm-up.</param>
/// <param name="Window">The stationarity check of the measured window (up to its first fault).</param>
public sealed record SteadyStateReport(TimeSpan Warmup, WarmupDecision? Auto, StationarityResult Window)
{
    /// <summary>A run whose window was not checked (a world run on its own, outside <see cref="SteadyStateRunner"/>).</summary>
    public static SteadyStateReport Unchecked(TimeSpan warmup) => new(warmup, null, StationarityResult.NotChecked);

    /// <summary>How the run started.</summary>
    public StartReport Start { get; init; } = StartReport.Empty;

    public SteadyVerdict Verdict =>
        Auto is { TooShort: true } ? SteadyVerdict.TooShort
        : Window.Drifts.Count > 0 ? SteadyVerdict.Drifting
        : Window.Checked || Auto is not null ? SteadyVerdict.Reached
        : SteadyVerdict.Unchecked;

    /// <summary>The summary.csv text: <c>reached</c>, <c>too-short</c>, <c>drifting:</c> and the metrics (<c>;</c>-joined), <c>unchecked</c>.</summary>
    public string Label => Verdict switch
    {
        SteadyVerdict.Reached => "reached",
        SteadyVerdict.TooShort => "too-short",
        SteadyVerdict.Drifting => "drifting:" + string.Join(';', Window.Drifts.Select(d => SteadyMetrics.Name(d.Metric))),
        _ => "unchecked",
    };
}
