namespace ResumeSim.Model.Configuration;

/// <summary>
/// The shipped cost profile. Every number is a server-CPU measurement from
/// reference/parameters.md section 5 (OpenSSL 3.0.19, 2 vCPU AMD EPYC VM, `openssl s_time` style
/// loops), taking the middle of each measured range; derived values say how they were derived.
/// </summary>
internal static class DefaultCostProfile
{
    public static CostProfile Create()
    {
        var v12 = ProtocolVersion.Tls12;
        var v13 = ProtocolVersion.Tls13;
        var ec = CertificateKind.EcdsaP256;
        var rsa = CertificateKind.Rsa2048;
        var rsa4k = CertificateKind.Rsa4096;

        // RSA-4096 has no measured row: its full handshakes take the RSA-2048 figure plus the
        // difference between RSA-4096 and RSA-2048 signing. `openssl speed` puts RSA-4096 signing
        // at about 6.5x RSA-2048 (0.331 ms measured, so ~2.15 ms): +1.82 ms. Unverified (U).
        const double rsa4096SignExtra = 1820;

        var table = new Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double>
        {
            // "server CPU per handshake, TLS 1.2 ECDSA P-256: full 0.22-0.25 ms, resumed 0.03-0.055 ms" (M)
            [(v12, ec, CostedHandshake.Full)] = 235,
            [(v12, ec, CostedHandshake.Resumed)] = 42,

            // "server CPU per handshake, TLS 1.2 RSA-2048: full 0.43-0.48 ms, resumed ~0.03 ms" (M)
            [(v12, rsa, CostedHandshake.Full)] = 455,
            [(v12, rsa, CostedHandshake.Resumed)] = 32,

            [(v12, rsa4k, CostedHandshake.Full)] = 455 + rsa4096SignExtra,
            [(v12, rsa4k, CostedHandshake.Resumed)] = 32,

            // "TLS 1.3: RSA full 0.55 ms vs PSK-DHE 0.19-0.22 ms; ECDSA 0.36 vs 0.26 ms" (M).
            // psk_ke skips the ECDHE: PSK-DHE minus one X25519 operation (32 us, `openssl speed`).
            [(v13, ec, CostedHandshake.Full)] = 360,
            [(v13, ec, CostedHandshake.PskDhe)] = 260,
            [(v13, ec, CostedHandshake.Psk)] = 228,
            [(v13, rsa, CostedHandshake.Full)] = 550,
            [(v13, rsa, CostedHandshake.PskDhe)] = 205,
            [(v13, rsa, CostedHandshake.Psk)] = 173,
            [(v13, rsa4k, CostedHandshake.Full)] = 550 + rsa4096SignExtra,
            [(v13, rsa4k, CostedHandshake.PskDhe)] = 205,
            [(v13, rsa4k, CostedHandshake.Psk)] = 173,
        };

        // The measured handshake figures already include issuing and opening tickets and cache
        // lookups, so the extra per-operation costs are zero in the default profile; a calibrated
        // profile may set them (tooling.md: AES-CBC 200 B ~1.3 us, HMAC-SHA256 200 B ~0.6 us).
        return new CostProfile(
            "default",
            "reference/parameters.md section 5: OpenSSL 3.0.19 server CPU per handshake on a 2 vCPU AMD EPYC VM (M); RSA-4096 derived (U)",
            table,
            ticketSealMicros: 0,
            ticketOpenMicros: 0,
            storeOperationMicros: 0);
    }
}
