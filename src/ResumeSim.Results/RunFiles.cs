namespace ResumeSim.Results;

/// <summary>The names of the files in a run folder (DESIGN.md section 6).</summary>
public static class RunFiles
{
    /// <summary>The resolved scenario text.</summary>
    public const string Scenario = "scenario.yaml";

    /// <summary>One row per strategy x sweep point x replication.</summary>
    public const string Summary = "summary.csv";

    /// <summary>Mean and 95% confidence interval per strategy x sweep point x metric.</summary>
    public const string SummaryCi = "summary_ci.csv";

    /// <summary>Why connections did not resume.</summary>
    public const string Misses = "misses.csv";

    /// <summary>Per time bucket.</summary>
    public const string Timeseries = "timeseries.csv";

    /// <summary>Per server and time bucket (the tidy form of timeseries.csv's cpu_util_by_server).</summary>
    public const string Servers = "servers.csv";

    /// <summary>Latency histograms.</summary>
    public const string Latency = "latency.csv";

    /// <summary>The self-contained HTML report of the tables (docs/report.md).</summary>
    public const string Report = "report.html";

    /// <summary>The run manifest.</summary>
    public const string Manifest = "run.json";
}
