namespace ResumeSim.Scenarios;

/// <summary>Command-line values that replace the file's own (<c>--seed</c>, <c>--replications</c>).</summary>
public sealed record ScenarioOverrides(ulong? Seed = null, int? Replications = null);
