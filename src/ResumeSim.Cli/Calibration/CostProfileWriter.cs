using System.Globalization;
using System.Text;
using ResumeSim.Model.Configuration;

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
        text.Append("handshakes:\n");
        foreach (var (version, key) in new[] { (ProtocolVersion.Tls12, "tls12"), (ProtocolVersion.Tls13, "tls13") })
        {
            text.Append("  ").Append(key).Append(":\n");
            foreach (var (certificate, name) in new[] { (CertificateKind.EcdsaP256, "ecdsa-p256"), (CertificateKind.Rsa2048, "rsa-2048"), (CertificateKind.Rsa4096, "rsa-4096") })
            {
                string Us(CostedHandshake kind) => profile.HandshakeMicros(version, certificate, kind).ToString("0.#", CultureInfo.InvariantCulture) + "us";
                text.Append("    ").Append(name).Append(": ");
                text.Append(version == ProtocolVersion.Tls12
                    ? $"{{full: {Us(CostedHandshake.Full)}, resumed: {Us(CostedHandshake.Resumed)}}}"
                    : $"{{full: {Us(CostedHandshake.Full)}, psk: {Us(CostedHandshake.Psk)}, psk_dhe: {Us(CostedHandshake.PskDhe)}}}");
                text.Append('\n');
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"operations: {{ticket_seal: {profile.TicketSealMicros}us, ticket_open: {profile.TicketOpenMicros}us, store_op: {profile.StoreOperationMicros}us}}\n");
        return text.ToString();
    }
}
