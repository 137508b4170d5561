using System.Text.Json.Serialization;

namespace ResumeSim.Results;

/// <summary>
/// The content of <c>run.json</c>: what was run, with which seed, when, for how long and where.
/// Keys are written in snake_case in this property order.
/// </summary>
/// <param name="Version">ResumeSim version that produced the run.</param>
/// <param name="Scenario">Scenario name (the folder name under the results root).</param>
/// <param name="ScenarioFile">Path of the scenario file as given on the command line; null when the scenario did not come from a file.</param>
/// <param name="ScenarioSha256">Lower-case hex SHA-256 of the scenario file's bytes.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Replications">Replications per strategy and sweep point.</param>
/// <param name="Strategies">Strategy names, in scenario order.</param>
/// <param name="SweepPoints">Number of sweep points (1 without a sweep).</param>
/// <param name="StartedUtc">Wall-clock start of the run.</param>
/// <param name="WallSeconds">Wall-clock duration of the run in seconds.</param>
/// <param name="Machine">The platform.</param>
/// <param name="Command">The command line that produced the run.</param>
/// <param name="Shard">The slice of the sweep this run holds; null (and no key written) for a whole run.</param>
public sealed record RunManifest(
    string Version,
    string Scenario,
    string? ScenarioFile,
    string ScenarioSha256,
    ulong Seed,
    int Replications,
    IReadOnlyList<string> Strategies,
    int SweepPoints,
    DateTimeOffset StartedUtc,
    double WallSeconds,
    MachineInfo Machine,
    string Command,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RunShard? Shard = null)
{
    /// <summary>Value equality including the strategy list's contents.</summary>
    public bool Equals(RunManifest? other) =>
        other is not null
        && Version == other.Version
        && Scenario == other.Scenario
        && ScenarioFile == other.ScenarioFile
        && ScenarioSha256 == other.ScenarioSha256
        && Seed == other.Seed
        && Replications == other.Replications
        && Strategies.SequenceEqual(other.Strategies)
        && SweepPoints == other.SweepPoints
        && StartedUtc.Equals(other.StartedUtc)
        && WallSeconds.Equals(other.WallSeconds)
        && Machine == other.Machine
        && Command == other.Command
        && Shard == other.Shard;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Version, Scenario, ScenarioSha256, Seed, StartedUtc);
}
