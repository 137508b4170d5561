using System.Globalization;
using System.Text.RegularExpressions;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// The <c>faults:</c> timeline (docs/farm.md). Files name servers and cache nodes 1-based
/// (<c>server-1</c>, <c>cache-1</c>, as operators number hosts); records hold 0-based indexes, and
/// -1 for the farm's shared store.
/// </summary>
internal static partial class FaultBinder
{
    public const int SharedStore = -1;

    private const string Forms =
        "{at: 20m, restart: server-1, down: 30s}, {at: 20m, flush: server-1 | shared | cache-1}, {at: 20m, fail: cache-1, for: 2m}, "
        + "{at: 20m, desync: server-1, for: 5m}, {at: 20m, surge: 3, for: 2m}, {at: 20m, scale_out: 2} or {at: 20m, scale_in: 1}";

    private static readonly string[] KindKeys = ["restart", "flush", "fail", "desync", "surge", "scale_out", "scale_in"];

    /// <param name="duration">The measured period; <see cref="TimeSpan.MaxValue"/> when it is itself invalid.</param>
    /// <param name="servers">Servers at the start (<c>farm.servers</c>).</param>
    /// <param name="cacheNodes">The most shared-cache nodes any strategy has.</param>
    public static IReadOnlyList<FaultConfig> Bind(YNode node, TimeSpan duration, int servers, int cacheNodes, Issues issues)
    {
        var faults = new List<FaultConfig>();
        if (node is YScalar { IsNull: true })
        {
            return faults;
        }

        if (node is not YSequence sequence)
        {
            issues.Add(node, $"faults is {node.Describe()}; expected a list of {Forms}");
            return faults;
        }

        // Servers may be named up to the farm's largest size: the initial ones and every scale-out's.
        var maxServers = servers + ScaleOuts(sequence);
        var nodes = new List<YNode>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var path = $"faults[{i}]";
            var item = Section.Open(sequence.Items[i], path, ["at", .. KindKeys, "down", "for"], issues);
            if (item is null)
            {
                continue;
            }

            // A fault at or after the end of the measured period could never be seen in the results.
            var limit = $"a duration from 0 to below duration ({Scalars.Show(duration)})";
            var at = TimeSpan.Zero;
            if (item.Required("at", limit) is { } atNode && Scalars.TryDuration(atNode, $"{path}.at", TimeSpan.Zero, TimeSpan.MaxValue, issues, out at)
                && at >= duration)
            {
                issues.Add(atNode, $"{path}.at: {Scalars.Show(at)} is out of range; expected {limit}");
            }

            var kinds = KindKeys.Where(item.Has).ToList();
            if (kinds.Count != 1)
            {
                issues.Add(item.Node, $"{path} needs exactly one of {string.Join(", ", KindKeys)}; expected one of {Forms}");
                continue;
            }

            var key = kinds[0];
            CheckExtras(item, path, key);
            var target = item.Get(key)!;
            var fault = key switch
            {
                "restart" => new FaultConfig(at, FaultKind.Restart, Server(target, $"{path}.restart", maxServers, issues))
                {
                    Window = item.Duration("down", TimeSpan.Zero, TimeSpan.Zero),
                },
                "flush" => Flush(at, target, $"{path}.flush", maxServers, cacheNodes, issues),
                "fail" => new FaultConfig(at, FaultKind.CacheNodeFail, SharedStore)
                {
                    CacheNode = CacheNode(target, $"{path}.fail", cacheNodes, issues),
                    Window = Window(item),
                },
                "desync" => new FaultConfig(at, FaultKind.KeyDesync, Server(target, $"{path}.desync", maxServers, issues)) { Window = Window(item) },
                "surge" => new FaultConfig(at, FaultKind.Surge, SharedStore)
                {
                    // Up to 1000x: a flash crowd; below 1 a traffic drop.
                    Multiplier = item.Number("surge", 1, 0, 1000, minExclusive: true),
                    Window = Window(item),
                },
                "scale_out" => new FaultConfig(at, FaultKind.ScaleOut, SharedStore) { Count = (int)item.Int("scale_out", 1, 1, 10_000) },
                _ => new FaultConfig(at, FaultKind.ScaleIn, SharedStore) { Count = (int)item.Int("scale_in", 1, 1, 10_000) },
            };
            faults.Add(fault);
            nodes.Add(target);
        }

        CheckTimeline(faults, nodes, servers, issues);
        return faults;
    }

    /// <summary><c>down</c> belongs to restart, <c>for</c> to the windowed faults.</summary>
    private static void CheckExtras(Section item, string path, string key)
    {
        if (item.Get("down") is { } down && key != "restart")
        {
            item.Issues.Add(down, $"{path}.down is the downtime of a restart; expected it only with restart: server-N");
        }

        if (item.Get("for") is { } window && key is not ("fail" or "desync" or "surge"))
        {
            item.Issues.Add(window, $"{path}.for is the length of a fail, desync or surge window; expected it only with those (a restart's downtime is down:)");
        }
    }

    /// <summary>A window's length; without <c>for</c> the fault lasts to the end of the run.</summary>
    private static TimeSpan Window(Section item) =>
        item.Has("for") ? item.Duration("for", TimeSpan.MaxValue, TimeSpan.FromTicks(1)) : TimeSpan.MaxValue;

    private static FaultConfig Flush(TimeSpan at, YNode node, string path, int servers, int cacheNodes, Issues issues)
    {
        if (node is YScalar { IsNull: false } scalar && scalar.Value.Trim().StartsWith("cache-", StringComparison.Ordinal))
        {
            return new FaultConfig(at, FaultKind.FlushStore, SharedStore) { CacheNode = CacheNode(node, path, cacheNodes, issues) };
        }

        return new FaultConfig(at, FaultKind.FlushStore, Server(node, path, servers, issues, allowShared: true));
    }

    /// <summary>Surges must not overlap; scale-in must leave at least one server at every moment.</summary>
    private static void CheckTimeline(List<FaultConfig> faults, List<YNode> nodes, int servers, Issues issues)
    {
        var order = Enumerable.Range(0, faults.Count).OrderBy(i => faults[i].At).ToList();
        var live = servers;
        var surgeEnd = TimeSpan.MinValue;
        foreach (var i in order)
        {
            var fault = faults[i];
            if (fault.Kind == FaultKind.ScaleOut)
            {
                live += fault.Count;
            }
            else if (fault.Kind == FaultKind.ScaleIn)
            {
                live -= fault.Count;
                if (live < 1)
                {
                    issues.Add(nodes[i], $"faults: scale_in at {Scalars.Show(fault.At)} leaves {live} servers; expected at least 1 server at every moment");
                    live = 1;
                }
            }
            else if (fault.Kind == FaultKind.Surge)
            {
                if (fault.At < surgeEnd)
                {
                    issues.Add(nodes[i], $"faults: the surge at {Scalars.Show(fault.At)} starts before the previous surge ends; expected surges that do not overlap");
                }

                surgeEnd = fault.Window == TimeSpan.MaxValue ? TimeSpan.MaxValue : fault.At + fault.Window;
            }
        }
    }

    private static int ScaleOuts(YSequence sequence)
    {
        var total = 0;
        foreach (var item in sequence.Items)
        {
            if (item is YMapping mapping && mapping.Find("scale_out")?.Value is YScalar scalar
                && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 10_000)
            {
                total += count;
            }
        }

        return total;
    }

    private static int CacheNode(YNode node, string path, int cacheNodes, Issues issues)
    {
        var form = $"cache-N with N from 1 to {cacheNodes} (the most session_ids.nodes of any strategy)";
        if (!Scalars.TryText(node, path, form, issues, out var text))
        {
            return 0;
        }

        var match = CacheName().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a cache node name; expected {form}");
            return 0;
        }

        if (number < 1 || number > cacheNodes)
        {
            issues.Add(node, $"{path}: {Excerpt.Of(text)} is out of range; expected {form}");
            return 0;
        }

        return number - 1;
    }

    private static int Server(YNode node, string path, int servers, Issues issues, bool allowShared = false)
    {
        var form = $"server-N with N from 1 to {servers}" + (allowShared ? ", shared, or cache-N" : "");
        if (!Scalars.TryText(node, path, form, issues, out var text))
        {
            return 0;
        }

        if (allowShared && text == "shared")
        {
            return SharedStore;
        }

        var match = ServerName().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a server name; expected {form}");
            return 0;
        }

        if (number < 1 || number > servers)
        {
            issues.Add(node, $"{path}: {Excerpt.Of(text)} is out of range; expected {form} (farm.servers plus every scale_out is {servers})");
            return 0;
        }

        return number - 1;
    }

    [GeneratedRegex("^server-([0-9]{1,9})$")]
    private static partial Regex ServerName();

    [GeneratedRegex("^cache-([0-9]{1,9})$")]
    private static partial Regex CacheName();
}
