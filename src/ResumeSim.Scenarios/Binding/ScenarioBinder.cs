using System.Globalization;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// Turns the top-level mapping of a scenario file into a <see cref="ScenarioConfig"/>. Every bad
/// value is reported and replaced by its default so the rest of the file is still checked; the
/// result is only meaningful when no error was added.
/// </summary>
internal static class ScenarioBinder
{
    public static readonly IReadOnlyList<string> TopKeys =
    [
        "name", "description", "seed", "duration", "warmup", "start", "replications", "clients", "pages", "tls",
        "network", "farm", "costs", "strategies", "faults", "output", "sweep",
    ];

    public const int MaxReplications = 1000;

    // A year of simulated time is far beyond any capacity question and keeps tick arithmetic safe.
    private static readonly TimeSpan MaxDuration = ScenarioLimits.MaxDuration;

    /// <param name="files">Where relative paths in the file (cost profiles, traces) start from, and the files read so far.</param>
    public static ScenarioConfig Bind(YMapping root, Issues issues, NamedFiles files)
    {
        var top = Section.Open(root, "", TopKeys, issues)!;

        var name = top.Required("name", Names.Form) is { } nameNode ? ReadName(nameNode, "name", issues) : "unnamed";
        var description = top.Text("description", "", "a line of text");
        var seed = top.Get("seed") is { } seedNode ? ReadSeed(seedNode, issues) : 1UL;
        TimeSpan? written = top.Required("duration", Units.DurationForm) is { } durationNode
            && Scalars.TryDuration(durationNode, "duration", TimeSpan.FromTicks(1), MaxDuration, issues, out var d) ? d : null;
        var duration = written ?? TimeSpan.FromMinutes(1);

        // Limits that depend on the duration are not checked against a duration that is itself wrong.
        var durationLimit = written ?? TimeSpan.MaxValue;
        var replications = (int)top.Int("replications", 1, 1, MaxReplications);

        var clients = top.Required("clients", "a mapping with count, visits, popularity, rtt, mix") is { } clientsNode
            ? ClientsBinder.Bind(clientsNode, issues, files)
            : ClientsBinder.Placeholder;
        var (warmup, autoWarmup) = WarmupBinder.Bind(top.Get("warmup"), clients.Trace is not null, MaxDuration, issues);
        var start = top.Choice("start", StartState.Empty, Choices.Start);
        var pages = top.Get("pages") is { } pagesNode ? WorldBinder.Pages(pagesNode, issues) : new PagesConfig();
        if (clients.Trace is not null && (top.Get("pages") as YMapping)?.Find("hosts") is { } hostsEntry)
        {
            issues.Add(hostsEntry.Key, "pages.hosts cannot be used with clients.trace: each trace row names the host of its visit; expected pages without hosts");
        }

        var protocol = top.Get("tls") is { } tlsNode ? WorldBinder.Protocol(tlsNode, issues) : new ProtocolConfig();
        var network = top.Get("network") is { } networkNode ? WorldBinder.Network(networkNode, issues) : new NetworkConfig();
        var farm = top.Get("farm") is { } farmNode ? WorldBinder.Farm(farmNode, issues) : new FarmConfig();
        var costs = top.Get("costs") is { } costsNode ? CostsBinder.Bind(costsNode, protocol, files, issues) : CostProfile.Default;
        var strategies = top.Required("strategies", "a list of {name, session_ids | tickets | resumption: off}") is { } strategiesNode
            ? StrategyBinder.BindAll(strategiesNode, protocol, issues)
            : [];
        var faults = top.Get("faults") is { } faultsNode ? FaultBinder.Bind(faultsNode, durationLimit, farm.Servers, strategies.Max(s => s.SessionIds?.Nodes) ?? 1, issues) : [];
        var output = top.Get("output") is { } outputNode ? WorldBinder.Output(outputNode, durationLimit, issues) : new OutputConfig();
        if (clients.Trace is not null && top.Get("faults") is YSequence faultItems)
        {
            foreach (var surge in faultItems.Items.OfType<YMapping>().Select(m => m.Find("surge")).OfType<YEntry>())
            {
                issues.Add(surge.Key, "a surge cannot be used with clients.trace: a trace's arrivals are replayed exactly; expected a trace that holds the surge itself");
            }
        }

        return new ScenarioConfig
        {
            Name = name,
            Description = description,
            Seed = seed,
            Duration = duration,
            Warmup = warmup,
            AutoWarmup = autoWarmup,
            Start = start,
            Replications = replications,
            Clients = clients,
            Pages = pages,
            Protocol = protocol,
            Network = network,
            Farm = farm,
            Costs = costs,
            Strategies = strategies,
            Faults = faults,
            Output = output,
        };
    }

    public static string ReadName(YNode node, string path, Issues issues)
    {
        if (!Scalars.TryText(node, path, Names.Form, issues, out var text))
        {
            return "unnamed";
        }

        if (!Names.IsSafe(text))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a safe name; expected {Names.Form}");
        }

        return text;
    }

    private static ulong ReadSeed(YNode node, Issues issues)
    {
        const string form = "an integer from 0 to 18446744073709551615";
        if (!Scalars.TryText(node, "seed", form, issues, out var text))
        {
            return 1;
        }

        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            issues.Add(node, $"seed: {Excerpt.Quote(text)} is not an unsigned 64-bit integer; expected {form}");
            return 1;
        }

        return seed;
    }
}
