using System.Security.Cryptography;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Binding;
using ResumeSim.Scenarios.Budget;
using ResumeSim.Scenarios.Input;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Sweeps;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios;

/// <summary>
/// Reads a scenario file into validated records and expands its sweep grid. Everything is checked
/// before anything runs, so a bad file costs the user seconds, not a half-finished run
/// (DESIGN.md section 6: errors name file:line:column and the expected form).
/// </summary>
public static class ScenarioLoader
{
    /// <exception cref="ScenarioException">The file is missing or invalid; every error found is listed.</exception>
    public static ScenarioPlan Load(string path, ScenarioOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var issues = new Issues(path);
        var bytes = SourceText.ReadBytes(path, "scenario", issues);
        var text = bytes is null ? null : SourceText.Decode(bytes, issues);
        issues.ThrowIfAny();
        return Build(text!, bytes!, path, overrides);
    }

    /// <summary>Reads scenario text as if it were the file <paramref name="sourcePath"/> (cost profiles resolve from its folder).</summary>
    /// <exception cref="ScenarioException">The text is invalid; every error found is listed.</exception>
    public static ScenarioPlan Parse(string text, string sourcePath, ScenarioOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var issues = new Issues(sourcePath);
        var bytes = SourceText.Encode(text, issues);
        issues.ThrowIfAny();
        return Build(text, bytes!, sourcePath, overrides);
    }

    private static ScenarioPlan Build(string text, byte[] bytes, string sourcePath, ScenarioOverrides? overrides)
    {
        var issues = new Issues(sourcePath);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? ".";
        var root = YamlTreeReader.Read(text, issues);
        issues.ThrowIfAny();
        if (root is not YMapping mapping)
        {
            // A key or data file read as YAML is one long scalar: say what it is, never what it holds.
            var what = root is YScalar scalar ? $"a single value of {scalar.Value.Length} characters" : root!.Describe();
            issues.Add(root!, $"the file is {what}, not a mapping; expected a scenario file, a mapping with keys: {string.Join(", ", ScenarioBinder.TopKeys)}");
            throw new ScenarioException([.. issues.Errors]);
        }

        var tree = (YMapping)mapping.Copy();
        var sweepEntry = tree.Find("sweep");
        if (sweepEntry is not null)
        {
            tree.Entries.Remove(sweepEntry);
        }

        var axes = sweepEntry is null ? [] : SweepExpander.ReadEntries(sweepEntry.Value, issues);
        var memoryLimit = overrides?.MemoryLimitBytes ?? ScenarioLimits.DefaultMemoryLimitBytes;
        var files = new NamedFiles(baseDirectory);
        var baseConfig = Override(ScenarioBinder.Bind(tree, issues, files), overrides, issues);
        foreach (var axis in axes)
        {
            SweepExpander.Resolve(tree, axis, issues);
        }

        var gridSize = SweepExpander.CountPoints(axes);
        if (gridSize > ScenarioLimits.MaxSweepPoints)
        {
            issues.Add(sweepEntry!.Key, $"sweep makes {SweepExpander.DescribeGrid(axes)} points, more than the limit of {ScenarioLimits.MaxSweepPoints}; expected fewer values (split it into several files or shards)");
        }
        else if (axes.Count > 0 && gridSize * SweepExpander.CountNodes(tree) > ScenarioLimits.MaxSweepNodes)
        {
            issues.Add(sweepEntry!.Key, $"sweep makes {gridSize} copies of a file of {SweepExpander.CountNodes(tree)} nodes, more than the limit of {ScenarioLimits.MaxSweepNodes} nodes; expected fewer points or a smaller file");
        }
        else if (gridSize * baseConfig.Strategies.Count * baseConfig.Replications > ScenarioLimits.MaxRuns)
        {
            issues.Add(sweepEntry?.Key ?? (YNode)tree, $"{gridSize} sweep points x {baseConfig.Strategies.Count} strategies x {baseConfig.Replications} replications is {gridSize * baseConfig.Strategies.Count * baseConfig.Replications} runs, more than the limit of {ScenarioLimits.MaxRuns}; expected fewer (split the scenario into several files)");
        }

        if (axes.Count == 0 && issues.Count == 0)
        {
            RunBudget.Check(baseConfig, tree, issues, memoryLimit);
        }

        issues.ThrowIfAny();
        var points = axes.Count == 0
            ? [new SweepPoint(0, [], baseConfig)]
            : Expand(tree, axes, files, overrides, memoryLimit, issues);
        issues.ThrowIfAny();

        return new ScenarioPlan(sourcePath, text, Convert.ToHexStringLower(SHA256.HashData(bytes)), baseConfig,
            [.. axes.Select(a => a.Key)], points);
    }

    private static List<SweepPoint> Expand(YMapping tree, List<SweepEntry> axes, NamedFiles files, ScenarioOverrides? overrides, long memoryLimit, Issues issues)
    {
        var points = new List<SweepPoint>();
        foreach (var combination in SweepExpander.Grid([.. axes.Select(a => a.Values.Count)]))
        {
            var copy = (YMapping)tree.Copy();

            // Resolve every path before setting any value, so one value (a strategy's new name)
            // cannot hide the node another key addresses.
            var setters = axes.Select(a => SweepExpander.Resolve(copy, a, null)!).ToList();
            var values = new List<KeyValuePair<string, string>>(axes.Count);
            for (var i = 0; i < axes.Count; i++)
            {
                var value = axes[i].Values[combination[i]];
                setters[i](value.Copy());
                values.Add(new(axes[i].Key, value.Value));
            }

            var pointIssues = new Issues(issues.File);
            var config = Override(ScenarioBinder.Bind(copy, pointIssues, files), overrides, pointIssues);
            if (pointIssues.Count == 0)
            {
                RunBudget.Check(config, copy, pointIssues, memoryLimit);
            }

            var label = string.Join(", ", values.Select(v => $"{Excerpt.Of(v.Key)}={Excerpt.Of(v.Value)}"));
            issues.AddRange(pointIssues.Errors.Select(e => e with { Message = $"at sweep point {points.Count} ({label}): {e.Message}" }));
            points.Add(new SweepPoint(points.Count, values, config));
        }

        return points;
    }

    private static ScenarioConfig Override(ScenarioConfig config, ScenarioOverrides? overrides, Issues issues)
    {
        if (overrides is null)
        {
            return config;
        }

        if (overrides.Replications is { } replications && (replications < 1 || replications > ScenarioBinder.MaxReplications))
        {
            issues.Add(0, 0, $"replications override {replications} is out of range; expected an integer from 1 to {ScenarioBinder.MaxReplications}");
        }

        return config with
        {
            Seed = overrides.Seed ?? config.Seed,
            Replications = overrides.Replications ?? config.Replications,
        };
    }
}
