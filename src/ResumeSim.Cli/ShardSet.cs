using System.Globalization;
using System.Text.RegularExpressions;
using ResumeSim.Results;

namespace ResumeSim.Cli;

/// <summary>
/// What <c>merge</c> checks in the shards' <c>run.json</c> before it reads a table, beyond what the
/// reader checks in any run.json (names, SHA-256, counts). A run.json is a file anyone can edit: the
/// scenario name must also pass the run writer's rule, since it becomes the merged run's folder; then
/// the shards must be of one sweep (same scenario, scenario SHA-256, seed, replications, shard count
/// and version) and hold each shard 1..N exactly once. Each refusal names the folders and values.
/// </summary>
internal static partial class ShardSet
{
    private const int MaxListed = 20;

    /// <summary>The values of run.json that must agree between shards, as they are named in the file.</summary>
    private static readonly (string Field, Func<RunManifest, string> Read)[] Fields =
    [
        ("scenario", m => m.Scenario),
        ("scenario_sha256", m => m.ScenarioSha256),
        ("seed", m => m.Seed.ToString(CultureInfo.InvariantCulture)),
        ("replications", m => m.Replications.ToString(CultureInfo.InvariantCulture)),
        ("version", m => m.Version),
        ("sweep_points", m => m.SweepPoints.ToString(CultureInfo.InvariantCulture)),
        ("strategies", m => "[" + string.Join(", ", m.Strategies) + "]"),
    ];

    /// <summary>False with a message naming what is wrong; true when the shards make one whole sweep.</summary>
    public static bool TryCheck(IReadOnlyList<(string Folder, RunManifest Manifest)> parts, out string problem)
    {
        var shards = new List<RunShard>(parts.Count);
        foreach (var (folder, manifest) in parts)
        {
            if (!TryCheckValues(folder, manifest, out problem) || !TryShardOf(folder, manifest, out var shard, out problem))
            {
                return false;
            }

            shards.Add(shard);
        }

        var (firstFolder, first) = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            var (folder, manifest) = parts[i];
            foreach (var (field, read) in Fields)
            {
                if (read(manifest) != read(first))
                {
                    problem = $"the shards are not of one sweep: {field} is {Excerpt(read(first))} in {firstFolder} but {Excerpt(read(manifest))} in {folder}";
                    return false;
                }
            }

            if (shards[i].Count != shards[0].Count)
            {
                problem = $"the shards are not of one sweep: the shard count is {shards[0].Count} in {firstFolder} ({shards[0]}) but {shards[i].Count} in {folder} ({shards[i]})";
                return false;
            }
        }

        return TryCheckComplete(parts, shards, out problem);
    }

    /// <summary>
    /// A warning when the shards ran on different platforms (operating system, architecture or .NET):
    /// they still merge, but floating-point results are identical only per platform, so the tables
    /// may differ in the last digits from one machine's (DESIGN.md section 3). Null when they agree.
    /// </summary>
    public static string? DifferentPlatforms(IReadOnlyList<(string Folder, RunManifest Manifest)> parts)
    {
        var (firstFolder, first) = parts[0];
        foreach (var (folder, manifest) in parts)
        {
            if (Platform(manifest) != Platform(first))
            {
                return $"the shards ran on different platforms ({Excerpt(Platform(first))} in {firstFolder}, {Excerpt(Platform(manifest))} in {folder}); "
                    + "their tables may differ in the last digits from a run on one platform";
            }
        }

        return null;
    }

    private static string Platform(RunManifest manifest) => $"{manifest.Machine.Os}, {manifest.Machine.Arch}, {manifest.Machine.Dotnet}";

    private static bool TryCheckValues(string folder, RunManifest manifest, out string problem)
    {
        // The scenario name becomes the merged run's folder: the writer's own rule, checked here so a
        // bad name is refused before anything is read or written.
        try
        {
            RunWriter.ValidateFolderName(manifest.Scenario, "scenario");
        }
        catch (ArgumentException)
        {
            problem = $"{Path.Combine(folder, RunFiles.Manifest)}: scenario '{Excerpt(manifest.Scenario)}' is not a safe folder name "
                + "(ASCII letters, digits, '-', '_' and '.', not starting with '.'); the file was edited or is not a ResumeSim run";
            return false;
        }

        if (!VersionText().IsMatch(manifest.Version))
        {
            problem = $"{Path.Combine(folder, RunFiles.Manifest)}: version '{Excerpt(manifest.Version)}' is not a version (such as 0.1.0)";
            return false;
        }

        problem = "";
        return true;
    }

    /// <summary>
    /// Which shard a run is: run.json's <c>shard</c>, which must agree with the folder name's
    /// <c>-shardKofN</c> when both are there; the folder name alone for runs written before run.json
    /// recorded it; 1/1 for a whole run.
    /// </summary>
    private static bool TryShardOf(string folder, RunManifest manifest, out RunShard shard, out string problem)
    {
        shard = new RunShard(1, 1);
        problem = "";
        RunShard? fromName = null;
        var match = ShardSuffix().Match(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)));
        if (match.Success)
        {
            // A number too large for an int parses as 0, which IsValid refuses.
            _ = int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var k);
            _ = int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n);
            fromName = new RunShard(k, n);
            if (!fromName.IsValid)
            {
                problem = $"{folder}: the folder name's shard '{Excerpt(match.Value)}' is not K of N with 1 <= K <= N";
                return false;
            }
        }

        if (manifest.Shard is { } recorded)
        {
            if (!recorded.IsValid)
            {
                problem = $"{Path.Combine(folder, RunFiles.Manifest)}: shard {recorded} is not K/N with 1 <= K <= N";
                return false;
            }

            if (fromName is not null && fromName != recorded)
            {
                problem = $"{folder}: the folder name says shard {fromName} but its {RunFiles.Manifest} says {recorded}";
                return false;
            }

            shard = recorded;
            return true;
        }

        shard = fromName ?? shard;
        return true;
    }

    private static bool TryCheckComplete(IReadOnlyList<(string Folder, RunManifest Manifest)> parts, List<RunShard> shards, out string problem)
    {
        var count = shards[0].Count;
        var byNumber = new Dictionary<int, string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var folder = parts[i].Folder;
            if (byNumber.TryGetValue(shards[i].Number, out var other))
            {
                problem = SameFolder(other, folder)
                    ? $"shard {shards[i]} is given twice: {folder}"
                    : $"shard {shards[i]} is in two folders: {other} and {folder}";
                return false;
            }

            byNumber[shards[i].Number] = folder;
        }

        if (byNumber.Count == count)
        {
            problem = "";
            return true;
        }

        // N comes from a file: list the first few missing numbers rather than walking up to N.
        var missing = new List<int>(MaxListed);
        for (var k = 1; k <= count && missing.Count < MaxListed; k++)
        {
            if (!byNumber.ContainsKey(k))
            {
                missing.Add(k);
            }
        }

        var missingCount = count - byNumber.Count;
        var listed = string.Join(", ", missing) + (missingCount > missing.Count ? ", ..." : "");
        problem = $"the shards are incomplete: {byNumber.Count} of {count} are here; missing {(missingCount == 1 ? "shard" : $"{missingCount} shards:")} {listed} (of {count})";
        return false;
    }

    private static bool SameFolder(string a, string b) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(b));

    /// <summary>At most 80 characters of a value read from a file, control characters replaced.</summary>
    private static string Excerpt(string value)
    {
        var cut = value.Length > 80 ? value[..80] + "..." : value;
        return string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
    }

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}\z")]
    private static partial Regex VersionText();

    // RunCommand names a shard's folder <run-id>-shardKofN.
    [GeneratedRegex(@"-shard([0-9]+)of([0-9]+)\z")]
    private static partial Regex ShardSuffix();
}
