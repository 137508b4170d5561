using System.Globalization;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// Turns measured whole connections into a cost profile the way the default profile was made
/// (docs/costs.md): the base is the plain connection; a handshake is its connection less the base
/// and less the ticket and session-store operations it did, priced as the default profile prices
/// them (they are a few microseconds, below what whole connections can resolve). Where two kinds
/// measure the same TLS 1.2 handshake (by ID and by ticket) their mean is taken. What is not
/// measured is derived and said so: psk_ke (psk_dhe less one X25519 exchange), RSA-4096 when it was
/// not measured (RSA-2048 plus this host's RSA-4096 less RSA-2048 signing time), and the key
/// exchanges other than X25519 (the default profile's figures).
/// </summary>
internal static class ConnectionProfile
{
    public static CostProfile Build(
        IReadOnlyDictionary<(ConnectionKind, CertificateKind), ConnectionFigure> figures,
        string provenance,
        PrimitiveTimings host,
        List<string> derived)
    {
        var reference = CostProfile.Default;
        double seal = reference.TicketSealMicros, open = reference.TicketOpenMicros, store = reference.StoreOperationMicros;
        var x25519 = reference.HandshakeMicros(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.PskDhe)
            - reference.HandshakeMicros(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.Psk);
        var connection = figures[(ConnectionKind.Plain, CertificateKind.EcdsaP256)].Median;
        double? Less(ConnectionKind kind, CertificateKind certificate, double operations) =>
            figures.TryGetValue((kind, certificate), out var f) && f.Produced ? f.Median - connection - operations : null;

        var table = new Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double>();
        foreach (var certificate in Enum.GetValues<CertificateKind>())
        {
            var name = CostFileNames.Certificate(certificate);
            var full12 = Mean(Less(ConnectionKind.Tls12FullId, certificate, store), Less(ConnectionKind.Tls12FullTicket, certificate, seal));
            var resumed12 = Mean(Less(ConnectionKind.Tls12ResumedId, certificate, store), Less(ConnectionKind.Tls12ResumedTicket, certificate, open));
            if (full12 is { } f12 && resumed12 is { } r12)
            {
                table[(ProtocolVersion.Tls12, certificate, CostedHandshake.Full)] = NonNegative(f12, $"tls12 {name} full", derived);
                table[(ProtocolVersion.Tls12, certificate, CostedHandshake.Resumed)] = NonNegative(r12, $"tls12 {name} resumed", derived);
            }

            if (Less(ConnectionKind.Tls13Full, certificate, 2 * seal) is { } f13 && Less(ConnectionKind.Tls13PskDhe, certificate, open + seal) is { } d13)
            {
                table[(ProtocolVersion.Tls13, certificate, CostedHandshake.Full)] = NonNegative(f13, $"tls13 {name} full", derived);
                table[(ProtocolVersion.Tls13, certificate, CostedHandshake.PskDhe)] = NonNegative(d13, $"tls13 {name} psk_dhe", derived);
                table[(ProtocolVersion.Tls13, certificate, CostedHandshake.Psk)] = NonNegative(d13 - x25519, $"tls13 {name} psk", derived);
            }
        }

        derived.Add(Invariant($"tls13 psk (psk_ke) is not produced by OpenSSL servers (nginx, SslStream): psk_dhe less one X25519 exchange ({x25519:0.#}us, the default profile's)"));
        DeriveRsa4096(table, host, derived);
        derived.Add(Invariant($"operations ticket_seal {seal:0.#}us, ticket_open {open:0.#}us, store_op {store:0.#}us and key_exchange are the default profile's (validation/nginx-cpu/ops.c and validation/mlkem): too small for whole connections to resolve"));
        foreach (var kind in Enum.GetValues<ConnectionKind>())
        {
            if (figures.Keys.All(k => k.Item1 != kind) || figures.Where(p => p.Key.Item1 == kind).All(p => !p.Value.Produced))
            {
                derived.Add($"{Describe(kind)}: not produced by this server, so not used");
            }
        }

        var rounded = table.ToDictionary(p => p.Key, p => Math.Round(p.Value, 1));
        return new CostProfile("calibrated", provenance, rounded, seal, open, store)
        {
            ConnectionMicros = Math.Round(connection, 1),
            KeyExchangeMicros = reference.KeyExchangeMicros,
        };
    }

    public static string Describe(ConnectionKind kind) => kind switch
    {
        ConnectionKind.Plain => "plain TCP (the base)",
        ConnectionKind.Tls12FullId => "TLS 1.2 full (session IDs)",
        ConnectionKind.Tls12ResumedId => "TLS 1.2 resumed by session ID",
        ConnectionKind.Tls12FullTicket => "TLS 1.2 full (tickets)",
        ConnectionKind.Tls12ResumedTicket => "TLS 1.2 resumed by ticket",
        ConnectionKind.Tls13Full => "TLS 1.3 full",
        _ => "TLS 1.3 psk_dhe",
    };

    private static void DeriveRsa4096(Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double> table, PrimitiveTimings host, List<string> derived)
    {
        if (table.Keys.Any(k => k.Item2 == CertificateKind.Rsa4096))
        {
            return;
        }

        var extra = Math.Max(0, (host.Rsa4096Sign - host.Rsa2048Sign) / 1000);
        foreach (var ((version, certificate, kind), micros) in table.ToList())
        {
            if (certificate == CertificateKind.Rsa2048)
            {
                table[(version, CertificateKind.Rsa4096, kind)] = micros + (kind == CostedHandshake.Full ? extra : 0);
            }
        }

        derived.Add(Invariant($"rsa-4096 not measured: RSA-2048's figures, full handshakes plus this host's RSA-4096 less RSA-2048 signing time ({extra:0.#}us)"));
    }

    private static double? Mean(double? a, double? b) => a is { } x ? (b is { } y ? (x + y) / 2 : x) : b;

    private static double NonNegative(double micros, string what, List<string> derived)
    {
        if (micros >= 0)
        {
            return micros;
        }

        derived.Add(Invariant($"{what} came out {micros:0.#}us (below the base: noise on a busy machine); set to 0"));
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
