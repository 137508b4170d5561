using System.Globalization;
using System.Text.RegularExpressions;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// The <c>faults:</c> timeline. Files name servers 1-based (<c>server-1</c>, as operators number
/// hosts); records hold 0-based indexes, and -1 for the farm's shared store.
/// </summary>
internal static partial class FaultBinder
{
    public const int SharedStore = -1;

    /// <param name="duration">The measured period; <see cref="TimeSpan.MaxValue"/> when it is itself invalid.</param>
    public static IReadOnlyList<FaultConfig> Bind(YNode node, TimeSpan duration, int servers, Issues issues)
    {
        var faults = new List<FaultConfig>();
        if (node is YScalar { IsNull: true })
        {
            return faults;
        }

        if (node is not YSequence sequence)
        {
            issues.Add(node, $"faults is {node.Describe()}; expected a list of {{at: 20m, restart: server-1}} or {{at: 20m, flush: server-1}}");
            return faults;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var path = $"faults[{i}]";
            var item = Section.Open(sequence.Items[i], path, ["at", "restart", "flush"], issues);
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

            if (item.Has("restart") == item.Has("flush"))
            {
                issues.Add(item.Node, $"{path} needs exactly one of restart or flush; expected {{at: 20m, restart: server-1}} or {{at: 20m, flush: server-1}}");
                continue;
            }

            var kind = item.Has("restart") ? FaultKind.Restart : FaultKind.FlushStore;
            var key = kind == FaultKind.Restart ? "restart" : "flush";
            var server = Server(item.Get(key)!, $"{path}.{key}", servers, allowShared: kind == FaultKind.FlushStore, issues);
            faults.Add(new FaultConfig(at, kind, server));
        }

        return faults;
    }

    private static int Server(YNode node, string path, int servers, bool allowShared, Issues issues)
    {
        var form = $"server-N with N from 1 to {servers}" + (allowShared ? ", or shared" : "");
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
            issues.Add(node, $"{path}: '{text}' is not a server name; expected {form}");
            return 0;
        }

        if (number < 1 || number > servers)
        {
            issues.Add(node, $"{path}: {text} is out of range; expected {form} (farm.servers is {servers})");
            return 0;
        }

        return number - 1;
    }

    [GeneratedRegex("^server-([0-9]{1,9})$")]
    private static partial Regex ServerName();
}
