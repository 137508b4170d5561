using System.CommandLine;
using System.Security.Cryptography;
using ResumeSim.Charts;
using ResumeSim.Results;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim merge --out DIR SHARD_DIR...</c>: combines the run folders of <c>run --shard K/N</c>
/// (given one by one, or as the <c>--out</c> folders the shards wrote to, <see cref="ShardFolders"/>)
/// into the tables one unsharded run writes (byte-identical CSV files), plus charts and a run.json.
/// Refuses, before writing anything, a set of shards that is not one whole sweep (<see cref="ShardSet"/>),
/// a scenario.yaml edited after its run, and rows that appear twice or that no shard holds.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shards = new Argument<string[]>("SHARD_DIR") { Description = "Run folders written by 'run --shard K/N', or the --out folders they were written under.", Arity = ArgumentArity.OneOrMore };
        var outDir = CliOptions.Path("--out", "Folder under which the merged run is written.", "results");
        var command = new Command("merge", "Combine the shards of a sharded run into one run folder.") { shards, outDir };
        command.SetAction(parsed => Execute(parsed.GetValue(shards)!, parsed.GetValue(outDir)!, output, error));
        return command;
    }

    private static int Execute(string[] arguments, string outDir, TextWriter output, TextWriter error)
    {
        if (!ShardFolders.TryExpand(arguments, out var folders, out var expansionProblem))
        {
            error.WriteLine($"error: {expansionProblem}");
            return ExitCodes.Usage;
        }

        // run.json first: a set of shards that is not one whole sweep is refused before any table is read.
        var manifests = new List<(string Folder, RunManifest Manifest)>();
        foreach (var folder in folders)
        {
            try
            {
                manifests.Add((folder, RunReader.ReadManifest(folder)));
            }
            catch (ResultsFormatException ex)
            {
                // The message names the file and the field.
                error.WriteLine($"error: cannot merge: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {folder}: {ex.Message}");
                return ExitCodes.Usage;
            }
        }

        if (!ShardSet.TryCheck(manifests, out var setProblem))
        {
            error.WriteLine($"error: cannot merge: {setProblem}");
            return ExitCodes.Usage;
        }

        // Before reading the tables: a merge that cannot be written is not worth making.
        var scenarioFolder = Path.Combine(outDir, manifests[0].Manifest.Scenario);
        if (OutputLocation.CheckFolder(scenarioFolder) is { } unwritable)
        {
            error.WriteLine($"error: --out {outDir}: {unwritable}; nothing was merged");
            return ExitCodes.Usage;
        }

        if (ShardSet.DifferentPlatforms(manifests) is { } platforms)
        {
            error.WriteLine($"warning: {platforms}");
        }

        var parts = new List<(string Folder, RunOutput Run)>();
        foreach (var folder in folders)
        {
            try
            {
                var run = RunReader.Read(folder);
                if (!ScenarioMatches(folder, run.Manifest.ScenarioSha256))
                {
                    error.WriteLine($"error: cannot merge: {Path.Combine(folder, RunFiles.Scenario)} does not hash to the scenario_sha256 of its {RunFiles.Manifest}; it was edited after the run");
                    return ExitCodes.Usage;
                }

                parts.Add((folder, run));
            }
            catch (Exception ex) when (ex is ResultsFormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {folder}: {ex.Message}");
                return ExitCodes.Usage;
            }
        }

        var first = parts[0].Run.Manifest;
        ScenarioPlan plan;
        try
        {
            // The original file, when it is still there, only anchors relative cost-profile names of the
            // saved text (nothing is read from it); otherwise the copy in the shard stands in for it.
            var source = first.ScenarioFile is { } original && File.Exists(original) ? original : Path.Combine(parts[0].Folder, RunFiles.Scenario);
            // Merging simulates nothing: the shards already ran under whatever memory limit their machines
            // were given, so a run made with a raised limit must merge here too.
            plan = ScenarioLoader.Parse(parts[0].Run.ScenarioYaml, source, new ScenarioOverrides(first.Seed, first.Replications, MemoryLimitBytes: long.MaxValue));
        }
        catch (ScenarioException ex)
        {
            error.WriteLine($"error: the scenario saved in {parts[0].Folder} no longer loads: {ex.Errors.FirstOrDefault()?.ToString() ?? ex.Message}");
            return ExitCodes.Usage;
        }

        var order = new RunOrder(plan);
        if (!order.TryCheckCoverage(parts.SelectMany(p => p.Run.Summary), out var problem))
        {
            error.WriteLine($"error: cannot merge: {problem}");
            return ExitCodes.Usage;
        }

        var merged = new RunOutput
        {
            ScenarioYaml = parts[0].Run.ScenarioYaml,
            Manifest = first with
            {
                StartedUtc = parts.Min(p => p.Run.Manifest.StartedUtc),
                WallSeconds = Math.Round(parts.Sum(p => p.Run.Manifest.WallSeconds), 3),
                Machine = MachineInfo.Current(),
                Command = "resumesim merge " + string.Join(' ', arguments),
                Shard = null,
            },
            Summary = parts.SelectMany(p => p.Run.Summary).OrderBy(r => order.Key(r.Strategy, r.Replication, r.Sweep)).ToList(),
            Misses = parts.SelectMany(p => p.Run.Misses).OrderBy(r => order.Key(r.Strategy, r.Replication, r.Sweep)).ToList(),
            Timeseries = parts.SelectMany(p => p.Run.Timeseries).OrderBy(r => order.Key(r.Strategy, r.Replication, r.Sweep)).ToList(),
            Servers = parts.SelectMany(p => p.Run.Servers).OrderBy(r => order.Key(r.Strategy, r.Replication, r.Sweep)).ToList(),
            Latency = parts.SelectMany(p => p.Run.Latency).OrderBy(r => order.Key(r.Strategy, r.Replication, r.Sweep)).ToList(),
        };

        try
        {
            var charts = PlotCommand.Requested(plan.Base.Output.Charts);
            var folder = RunWriter.Write(outDir, first.Scenario, RunWriter.NewRunId(merged.Manifest.StartedUtc, first.Seed), merged,
                temp => RunCharts.Draw(merged, Path.Combine(temp, "charts"), charts, ChartFormat.Both, out _));
            output.WriteLine(folder);
            return ExitCodes.Ok;
        }
        catch (ArgumentException ex)
        {
            // The writer checks names and rows before it creates anything.
            error.WriteLine($"error: cannot merge: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error.WriteLine($"error: could not write the merged run under '{outDir}': {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// True when the shard's scenario.yaml is the file its run.json's SHA-256 was taken of. The run
    /// writes the text without the byte order mark a scenario file may start with, so the hash is
    /// also tried with one.
    /// </summary>
    private static bool ScenarioMatches(string folder, string sha256)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, RunFiles.Scenario));
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256
            || Convert.ToHexStringLower(SHA256.HashData([0xEF, 0xBB, 0xBF, .. bytes])) == sha256;
    }
}
