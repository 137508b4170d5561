using System.Globalization;
using ResumeSim.Bench.Peers;
using ResumeSim.Results;
using YamlDotNet.RepresentationModel;

namespace ResumeSim.Cli;

/// <summary>
/// ResumeSim as one of the simulators of <c>bench peers</c>: this program again, running
/// <c>resumesim run FILE --quiet --no-charts</c> as a user would, on a copy of the peer scenario with the
/// run's client count, the one strategy and its scaled store capacity written in (the copy sits in the
/// run's folder). The counts come from the run's summary.csv. It writes every result table, run.json
/// and report.html, more than any peer writes; only the charts are left out, which the peers do not
/// draw either.
/// </summary>
internal sealed class ResumeSimPeer(string scenarioPath, ResumesimExecutable executable) : IPeerSimulator
{
    public string Name => "resumesim";

    public string Description => $"resumesim run, through {executable.FileName} {string.Join(' ', executable.LeadingArguments)}".TrimEnd();

    public string? Prepare(string buildFolder, TextWriter log) => null;

    public PeerCommand Command(PeerScenario scenario, PeerStrategy strategy, string workFolder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(strategy);
        var file = Path.Combine(workFolder, "scenario.yaml");
        File.WriteAllText(file, ScenarioFor(File.ReadAllText(scenarioPath), Path.GetDirectoryName(Path.GetFullPath(scenarioPath))!, scenario.Clients, strategy));
        return new PeerCommand(executable.FileName, [.. executable.LeadingArguments, "run", file, "--quiet", "--no-charts", "--out", Path.Combine(workFolder, "results")]);
    }

    public PeerCounts Read(PeerStrategy strategy, string standardOutput, string workFolder)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(standardOutput);
        var folder = standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new FormatException("resumesim run --quiet printed no result folder");
        SummaryRow row;
        try
        {
            row = RunReader.Read(folder).Summary.Single(r => r.Strategy == strategy.Name);
        }
        catch (Exception ex) when (ex is ResultsFormatException or DirectoryNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"the run's results in '{folder}' could not be read: {ex.Message}", ex);
        }

        return new PeerCounts(row.Connections, row.ResumedId + row.ResumedTicket + row.ResumedPsk, row.CpuCoreSeconds);
    }

    /// <summary>
    /// The scenario file's text with <c>clients.count</c> set, only <paramref name="strategy"/> left (its
    /// session-ID capacity set to the scaled one), and a cost file named relative to the scenario made absolute.
    /// </summary>
    internal static string ScenarioFor(string yaml, string scenarioFolder, int clients, PeerStrategy strategy)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var invariant = CultureInfo.InvariantCulture;
        ((YamlMappingNode)root["clients"]).Children[new YamlScalarNode("count")] = new YamlScalarNode(clients.ToString(invariant));
        if (root.Children.TryGetValue(new YamlScalarNode("costs"), out var costs) && costs is YamlScalarNode { Value: { } path } && path != "default" && !Path.IsPathRooted(path))
        {
            root.Children[new YamlScalarNode("costs")] = new YamlScalarNode(Path.GetFullPath(Path.Combine(scenarioFolder, path)));
        }

        var strategies = (YamlSequenceNode)root["strategies"];
        var kept = strategies.Children.OfType<YamlMappingNode>().Single(s => s["name"] is YamlScalarNode { Value: var name } && name == strategy.Name);
        if (strategy.Kind == "ids")
        {
            ((YamlMappingNode)kept["session_ids"]).Children[new YamlScalarNode("capacity")] = new YamlScalarNode(strategy.Capacity.ToString(invariant));
        }

        root.Children[new YamlScalarNode("strategies")] = new YamlSequenceNode(kept);
        var text = new StringWriter(invariant);
        stream.Save(text, assignAnchors: false);
        return text.ToString();
    }
}
