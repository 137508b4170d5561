using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Binding;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Costs;

/// <summary>
/// Reads a cost-profile file (format in docs/scenarios.md). Only the version/certificate pairs
/// written must be complete: a TLS 1.2 pair needs full and resumed, a TLS 1.3 pair full, psk and
/// psk_dhe. Which pair a scenario needs is checked against the scenario (<see cref="MissingKinds"/>).
/// </summary>
internal static class CostProfileReader
{
    private static readonly IReadOnlyList<string> TopKeys = ["name", "provenance", "handshakes", "operations"];

    private static readonly IReadOnlyList<(string Key, CostedHandshake Kind)> Tls12Kinds =
        [("full", CostedHandshake.Full), ("resumed", CostedHandshake.Resumed)];

    private static readonly IReadOnlyList<(string Key, CostedHandshake Kind)> Tls13Kinds =
        [("full", CostedHandshake.Full), ("psk", CostedHandshake.Psk), ("psk_dhe", CostedHandshake.PskDhe)];

    public static string VersionKey(ProtocolVersion version) => version == ProtocolVersion.Tls12 ? "tls12" : "tls13";

    /// <summary>The handshake keys a profile lacks for one version and certificate (empty when priced).</summary>
    public static IReadOnlyList<string> MissingKinds(CostProfile profile, ProtocolVersion version, CertificateKind certificate)
    {
        var missing = new List<string>();
        foreach (var (key, kind) in KindsOf(version))
        {
            if (!profile.TryGetHandshakeMicros(version, certificate, kind, out _))
            {
                missing.Add(key);
            }
        }

        return missing;
    }

    /// <summary>The profile, or null when the file has errors (all added to <paramref name="issues"/>).</summary>
    public static CostProfile? Read(string text, Issues issues)
    {
        var before = issues.Count;
        var root = YamlTreeReader.Read(text, issues);
        if (root is null)
        {
            return null;
        }

        if (root is not YMapping mapping)
        {
            issues.Add(root, $"the cost profile is {root.Describe()}; expected a mapping with keys: {string.Join(", ", TopKeys)}");
            return null;
        }

        var top = Section.Open(mapping, "", TopKeys, issues)!;
        var name = top.Required("name", "a profile name") is { } nameNode && Scalars.TryText(nameNode, "name", "a profile name", issues, out var n) ? n : "";
        var provenance = top.Text("provenance", "", "a line saying how and where the costs were measured");
        var table = new Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double>();
        if (top.Required("handshakes", "a mapping with tls12 and/or tls13") is { } handshakesNode)
        {
            ReadHandshakes(handshakesNode, table, issues);
        }

        double seal = 0, open = 0, store = 0;
        if (top.Get("operations") is { } operationsNode && Section.Open(operationsNode, "operations", ["ticket_seal", "ticket_open", "store_op"], issues) is { } ops)
        {
            seal = Micros(ops, "ticket_seal");
            open = Micros(ops, "ticket_open");
            store = Micros(ops, "store_op");
        }

        return issues.Count > before ? null : new CostProfile(name, provenance, table, seal, open, store);
    }

    public static bool TryMicros(YNode node, string path, Issues issues, out double micros)
    {
        micros = 0;
        const string form = "a duration such as 235us or 1.2ms, or a bare number of microseconds";
        if (!Scalars.TryText(node, path, form, issues, out var text))
        {
            return false;
        }

        if (Units.TryParseNumber(text, out micros))
        {
            return true;
        }

        if (Units.TryParseDuration(text, out var duration))
        {
            micros = duration.Ticks / (double)TimeSpan.TicksPerMicrosecond;
            return true;
        }

        issues.Add(node, $"{path}: '{text}' is not a CPU time; expected {form}");
        return false;
    }

    private static void ReadHandshakes(YNode node, Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double> table, Issues issues)
    {
        var handshakes = Section.Open(node, "handshakes", ["tls12", "tls13"], issues);
        if (handshakes is null)
        {
            return;
        }

        if (!handshakes.Has("tls12") && !handshakes.Has("tls13"))
        {
            issues.Add(node, "handshakes prices nothing; expected tls12 and/or tls13 with a mapping per certificate");
        }

        foreach (var version in Enum.GetValues<ProtocolVersion>())
        {
            var versionKey = VersionKey(version);
            if (handshakes.Get(versionKey) is not { } versionNode
                || Section.Open(versionNode, $"handshakes.{versionKey}", [.. Choices.Certificate.Keys], issues) is not { } certificates)
            {
                continue;
            }

            foreach (var entry in certificates.Node.Entries)
            {
                if (!Choices.Certificate.TryGetValue(entry.Key.Value, out var certificate))
                {
                    continue;
                }

                var kinds = KindsOf(version);
                var path = $"handshakes.{versionKey}.{entry.Key.Value}";
                var prices = Section.Open(entry.Value, path, [.. kinds.Select(k => k.Key)], issues);
                foreach (var (key, kind) in prices is null ? [] : kinds)
                {
                    if (prices!.Required(key, "a CPU time such as 235us") is { } priceNode
                        && TryMicros(priceNode, $"{path}.{key}", issues, out var micros))
                    {
                        table[(version, certificate, kind)] = micros;
                    }
                }
            }
        }
    }

    private static double Micros(Section section, string key) =>
        section.Get(key) is { } node && TryMicros(node, section.Child(key), section.Issues, out var micros) ? micros : 0;

    private static IReadOnlyList<(string Key, CostedHandshake Kind)> KindsOf(ProtocolVersion version) =>
        version == ProtocolVersion.Tls12 ? Tls12Kinds : Tls13Kinds;
}
