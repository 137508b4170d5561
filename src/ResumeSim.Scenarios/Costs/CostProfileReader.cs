using System.Globalization;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Binding;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;
using ResumeSim.Tls;

namespace ResumeSim.Scenarios.Costs;

/// <summary>
/// Reads a cost-profile file (format in docs/scenarios.md). Only the version/certificate pairs
/// written must be complete: a TLS 1.2 pair needs full and resumed, a TLS 1.3 pair full, psk and
/// psk_dhe. Which pair a scenario needs is checked against the scenario (<see cref="MissingKinds"/>).
/// Every cost is a CPU time from 0 to <see cref="MaxMicros"/>. A file without <c>connection</c>
/// (written before profiles had a per-connection base) gets the default profile's base, and the
/// profile carries a note saying so.
/// </summary>
internal static class CostProfileReader
{
    /// <summary>
    /// The most any one cost may be: a second of CPU per connection is absurd (a whole RSA-4096
    /// connection of nginx costs about 6 ms, docs/costs.md), so a larger figure is a unit mistake.
    /// </summary>
    public const double MaxMicros = 1_000_000;

    private static readonly IReadOnlyList<string> TopKeys = ["name", "provenance", "connection", "handshakes", "key_exchange", "operations"];

    private static readonly IReadOnlyList<(string Key, KeyExchangeKind Kind)> ExtraKeyExchanges =
        [("p256", KeyExchangeKind.P256), ("x25519mlkem768", KeyExchangeKind.X25519MlKem768)];

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

    /// <summary>The spelling of a key exchange in a profile's <c>key_exchange</c> and in <c>tls.key_exchange</c>.</summary>
    public static string KeyExchangeKey(KeyExchangeKind kind) => Choices.Spell(Choices.KeyExchange, kind);

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

        var keyExchange = new Dictionary<KeyExchangeKind, double>();
        if (top.Get("key_exchange") is { } kexNode && Section.Open(kexNode, "key_exchange", [.. ExtraKeyExchanges.Select(k => k.Key)], issues) is { } kex)
        {
            foreach (var (key, kind) in ExtraKeyExchanges)
            {
                if (kex.Get(key) is { } node && TryMicros(node, kex.Child(key), issues, out var micros))
                {
                    keyExchange[kind] = micros;
                }
            }
        }

        var notes = new List<string>();
        var connection = CostProfile.Default.ConnectionMicros;
        if (top.Get("connection") is { } connectionNode)
        {
            TryMicros(connectionNode, "connection", issues, out connection);
        }
        else
        {
            notes.Add($"{issues.File}: no 'connection' (CPU per connection besides the handshake); charging the default profile's " +
                $"{connection.ToString("0.#", CultureInfo.InvariantCulture)}us (docs/costs.md). Write 'connection: 0us' to charge handshakes only.");
        }

        return issues.Count > before
            ? null
            : new CostProfile(name, provenance, table, seal, open, store) { ConnectionMicros = connection, KeyExchangeMicros = keyExchange, Notes = notes };
    }

    public static bool TryMicros(YNode node, string path, Issues issues, out double micros)
    {
        micros = 0;
        const string form = "a duration such as 235us or 1.2ms, or a bare number of microseconds";
        if (!Scalars.TryText(node, path, form, issues, out var text))
        {
            return false;
        }

        // A minus sign is read apart, so a negative time is reported as negative, not as unreadable.
        var negative = text.StartsWith('-');
        var magnitude = negative ? text[1..] : text;
        if (!Units.TryParseNumber(magnitude, out micros) && !Units.TryParseMicroseconds(magnitude, out micros))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a CPU time; expected {form}");
            return false;
        }

        // -0 is zero: a negative zero passes "< 0" and is then refused by CostProfile as negative.
        micros = negative && micros != 0 ? -micros : micros;
        if (micros < 0 || micros > MaxMicros || double.IsNaN(micros))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is {(micros < 0 ? "negative" : "more than a second of CPU per connection")}; expected a CPU time from 0 to 1s (a whole nginx connection costs well under 10ms)");
            micros = 0;
            return false;
        }

        return true;
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
