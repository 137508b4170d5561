using ResumeSim.Model.Configuration;

namespace ResumeSim.Scenarios;

/// <summary>
/// One point of a sweep grid: its 0-based index in grid order, the value written for each sweep key
/// (in the order the keys are written), and the scenario with those values applied.
/// </summary>
public sealed record SweepPoint(int Index, IReadOnlyList<KeyValuePair<string, string>> Values, ScenarioConfig Config);
