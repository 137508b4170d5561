using ResumeSim.Model.Configuration;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// Turns the host's primitive timings into a cost profile. A real handshake costs more than the sum
/// of its primitives (record layer, transcript hashes, certificate message, parsing, allocation,
/// system calls), so each priced handshake is split into primitives plus an **overhead term**:
/// the default profile's measured whole-handshake CPU (reference/parameters.md section 5, OpenSSL
/// 3.0.19 on the reference VM) minus the primitives `openssl speed` measured on that same VM
/// (X25519 32 us, ECDSA P-256 sign 23 us, RSA-2048 sign 331 us; RSA-4096 about 6.5x RSA-2048).
/// On the host, each primitive is scaled by how much slower or faster the host runs it than the
/// reference VM did through the same .NET API, and the overhead term by the host's speed at the
/// symmetric primitives (AES, HMAC, HKDF: the geometric mean of their ratios), since that work is
/// ordinary integer code. On the reference VM every ratio is about 1 and the default profile comes back.
/// </summary>
internal static class CalibratedProfile
{
    private const double RefEcdhe = 32;
    private const double RefEcdsa = 23;
    private const double RefRsa2048 = 331;
    private const double RefRsa4096 = 331 * 6.5;

    public static CostProfile Build(PrimitiveTimings host, PrimitiveTimings reference, string hostDescription)
    {
        var ecdhe = host.EcdhP256 / reference.EcdhP256;
        var symmetric = Math.Cbrt(host.AesCbc128 / reference.AesCbc128 * (host.HmacSha256 / reference.HmacSha256) * (host.HkdfSha256 / reference.HkdfSha256));
        var table = new Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double>();
        foreach (var pair in CostProfile.Default.HandshakeCosts)
        {
            var (version, certificate, kind) = pair.Key;
            var (signRef, signRatio) = certificate switch
            {
                CertificateKind.Rsa2048 => (RefRsa2048, host.Rsa2048Sign / reference.Rsa2048Sign),
                CertificateKind.Rsa4096 => (RefRsa4096, host.Rsa4096Sign / reference.Rsa4096Sign),
                _ => (RefEcdsa, host.EcdsaP256Sign / reference.EcdsaP256Sign),
            };
            var usesSignature = kind == CostedHandshake.Full;
            var usesEcdhe = kind is CostedHandshake.Full or CostedHandshake.PskDhe;
            var primitivesRef = (usesSignature ? signRef : 0) + (usesEcdhe ? RefEcdhe : 0);
            var overhead = Math.Max(0, pair.Value - primitivesRef);
            table[pair.Key] = Math.Round((overhead * symmetric) + (usesSignature ? signRef * signRatio : 0) + (usesEcdhe ? RefEcdhe * ecdhe : 0), 1);
        }

        return new CostProfile(
            "calibrated",
            $"resumesim calibrate on {hostDescription}: reference/parameters.md section 5 handshake costs, each split into " +
            $"primitives and an overhead term, scaled by this host's speed against the reference VM (ECDHE x{ecdhe:F2}, " +
            $"ECDSA x{host.EcdsaP256Sign / reference.EcdsaP256Sign:F2}, RSA-2048 x{host.Rsa2048Sign / reference.Rsa2048Sign:F2}, " +
            $"RSA-4096 x{host.Rsa4096Sign / reference.Rsa4096Sign:F2}, symmetric x{symmetric:F2})",
            table,
            ticketSealMicros: 0,
            ticketOpenMicros: 0,
            storeOperationMicros: 0);
    }
}
