using ResumeSim.Scenarios.Parsing;

namespace ResumeSim.Scenarios;

/// <summary>
/// The limits a scenario file and the run it describes must stay within; docs/errors.md gives each
/// one's reason. Scenario files are a few KiB of hand-written YAML with a dozen levels at most, so the
/// file limits sit far above any real file and far below what could hurt the machine reading it.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Bytes of a scenario or cost-profile file (the largest shipped file is under 4 KiB).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Nesting of mappings and lists (shipped files nest 5 deep).</summary>
    public const int MaxDepth = 32;

    /// <summary>Nodes (keys, values, items) of the file after every alias is expanded.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Keys of one mapping, and items of one list.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>Errors listed before the rest are only counted.</summary>
    public const int MaxErrorsShown = 100;

    /// <summary>Characters of a value from the file quoted in an error message.</summary>
    public const int MaxExcerptChars = 40;

    /// <summary>Points of a sweep grid.</summary>
    public const int MaxSweepPoints = 10_000;

    /// <summary>Nodes copied to expand a sweep: points x nodes of the file (each point is a copy of the file's tree).</summary>
    public const long MaxSweepNodes = 10_000_000;

    /// <summary>Runs of a scenario: sweep points x strategies x replications.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>The memory one simulation may need, unless raised (<see cref="ScenarioOverrides.MemoryLimitBytes"/>).</summary>
    public const long DefaultMemoryLimitBytes = 64L << 30;

    /// <summary>The environment variable the command line reads to raise or lower the memory limit (e.g. 200GB).</summary>
    public const string MemoryLimitVariable = "RESUMESIM_MEMORY_LIMIT";

    /// <summary>Time-series buckets of one run (duration / output.bucket): a year at 1-minute buckets.</summary>
    public const int MaxBuckets = 1_000_000;

    /// <summary>Expected visits of one client in one run; its visit counter is a 32-bit integer.</summary>
    public const long MaxVisitsPerClient = 100_000_000;

    /// <summary>Expected connections of one run (about 2.5 days per strategy at the measured 0.45 M/s).</summary>
    public const double MaxConnectionsPerRun = 1e11;

    /// <summary>How many times more often a heavy tail may make clients visit than <c>visits.rate</c> says.</summary>
    public const double MaxTailFactor = 10;

    /// <summary>Any one duration of a scenario; with a handful added up, simulated time stays far inside 64-bit nanoseconds.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);

    /// <summary>A memory limit as written in <see cref="MemoryLimitVariable"/>: a size with a unit (64GB, 512MiB), at least 1 MiB.</summary>
    public static bool TryParseMemoryLimit(string text, out long bytes) =>
        Units.TryParseSize(text ?? "", out bytes, out var hadUnit) && hadUnit && bytes >= 1L << 20;
}
