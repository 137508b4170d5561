namespace ResumeSim.Results;

/// <summary>Everything one run writes (and <see cref="RunReader"/> reads back).</summary>
public sealed class RunOutput
{
    /// <summary>The resolved scenario text, written verbatim to <c>scenario.yaml</c>.</summary>
    public required string ScenarioYaml { get; init; }

    /// <summary>The <c>run.json</c> content.</summary>
    public required RunManifest Manifest { get; init; }

    /// <summary><c>summary.csv</c> rows; <c>summary_ci.csv</c> is computed from them.</summary>
    public required IReadOnlyList<SummaryRow> Summary { get; init; }

    /// <summary><c>misses.csv</c> rows.</summary>
    public IReadOnlyList<MissRow> Misses { get; init; } = [];

    /// <summary><c>timeseries.csv</c> rows.</summary>
    public IReadOnlyList<TimeseriesRow> Timeseries { get; init; } = [];

    /// <summary><c>servers.csv</c> rows (empty when read from a run written before the file existed).</summary>
    public IReadOnlyList<ServerRow> Servers { get; init; } = [];

    /// <summary><c>latency.csv</c> rows.</summary>
    public IReadOnlyList<LatencyRow> Latency { get; init; } = [];
}
