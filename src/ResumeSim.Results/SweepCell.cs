namespace ResumeSim.Results;

/// <summary>
/// One coordinate of a sweep point: the scenario value's dotted path (for example
/// <c>farm.servers</c>) and its value as the scenario wrote it. The key becomes a CSV column name.
/// </summary>
public sealed record SweepCell(string Key, string Value);
