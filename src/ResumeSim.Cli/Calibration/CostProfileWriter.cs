using System.Globalization;
using System.Text;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Calibration;

/// <summary>Writes a cost profile in the file format of docs/scenarios.md ("Cost-profile file format").</summary>
internal static class CostProfileWriter
{
    public static string ToYaml(CostProfile profile, IReadOnlyList<string> comments)
    {
        var text = new StringBuilder();
        foreach (var comment in comments)
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        text.Append("name: ").Append(profile.Name).Append('\n');
        text.Append("provenance: \"").Append(profile.Provenance.Replace("\"", "'", StringComparison.Ordinal)).Append("\"\n");
        text.Append("connection: ").Append(Us(profile.ConnectionMicros)).Append('\n');
        text.Append("handshakes:\n");
        foreach (var (version, key, kinds) in new[]
        {
            (ProtocolVersion.Tls12, "tls12", new[] { (CostedHandshake.Full, "full"), (CostedHandshake.Resumed, "resumed") }),
            (ProtocolVersion.Tls13, "tls13", new[] { (CostedHandshake.Full, "full"), (CostedHandshake.Psk, "psk"), (CostedHandshake.PskDhe, "psk_dhe") }),
        })
        {
            var lines = new List<string>();
            foreach (var certificate in Enum.GetValues<CertificateKind>())
            {
                var prices = new List<string>();
                foreach (var (kind, name) in kinds)
                {
                    if (profile.TryGetHandshakeMicros(version, certificate, kind, out var micros))
                    {
                        prices.Add($"{name}: {Us(micros)}");
                    }
                }

                if (prices.Count == kinds.Length)
                {
                    lines.Add($"    {CostFileNames.Certificate(certificate) + ":",-11} {{{string.Join(", ", prices)}}}");
                }
            }

            if (lines.Count > 0)
            {
                text.Append("  ").Append(key).Append(":\n");
                foreach (var line in lines)
                {
                    text.Append(line).Append('\n');
                }
            }
        }

        var exchanges = new List<string>();
        foreach (var kind in Enum.GetValues<KeyExchangeKind>())
        {
            if (kind != KeyExchangeKind.X25519 && profile.TryGetKeyExchangeMicros(kind, out var micros))
            {
                exchanges.Add($"{CostFileNames.KeyExchange(kind)}: {Us(micros)}");
            }
        }

        if (exchanges.Count > 0)
        {
            text.Append("key_exchange: {").Append(string.Join(", ", exchanges)).Append("}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"operations: {{ticket_seal: {Us(profile.TicketSealMicros)}, ticket_open: {Us(profile.TicketOpenMicros)}, store_op: {Us(profile.StoreOperationMicros)}}}\n");
        return text.ToString();
    }

    private static string Us(double micros) => micros.ToString("0.###", CultureInfo.InvariantCulture) + "us";
}
