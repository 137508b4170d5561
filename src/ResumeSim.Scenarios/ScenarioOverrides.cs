namespace ResumeSim.Scenarios;

/// <summary>
/// Command-line values that replace the file's own (<c>--seed</c>, <c>--replications</c>), and the
/// memory one simulation may need (null: <see cref="ScenarioLimits.DefaultMemoryLimitBytes"/>).
/// </summary>
public sealed record ScenarioOverrides(ulong? Seed = null, int? Replications = null, long? MemoryLimitBytes = null);
