using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Sweeps;

/// <summary>One <c>sweep:</c> entry: a dotted path and the values it takes, in the order written.</summary>
internal sealed record SweepEntry(string Key, YScalar KeyNode, IReadOnlyList<YScalar> Values);
