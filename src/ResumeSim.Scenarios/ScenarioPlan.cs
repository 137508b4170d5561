using ResumeSim.Model.Configuration;

namespace ResumeSim.Scenarios;

/// <summary>
/// A loaded scenario: the source text and its hash (recorded in run.json so a result names the
/// exact file it came from), the scenario as written, and every sweep point to run. Without a
/// <c>sweep:</c> block <see cref="Points"/> holds exactly one point with no values.
/// </summary>
/// <param name="Sha256">Lowercase hex SHA-256 of the file's UTF-8 bytes.</param>
public sealed record ScenarioPlan(
    string SourcePath,
    string Text,
    string Sha256,
    ScenarioConfig Base,
    IReadOnlyList<string> SweepKeys,
    IReadOnlyList<SweepPoint> Points);
