using ResumeSim.Tls;

namespace ResumeSim.Model.Configuration;

/// <summary>The TLS version, the server's certificate and the key exchange group.</summary>
public sealed record ProtocolConfig
{
    public ProtocolVersion Version { get; init; } = ProtocolVersion.Tls12;
    public CertificateKind Certificate { get; init; } = CertificateKind.EcdsaP256;

    /// <summary>
    /// Bytes of the Certificate message's chain; 0 takes the measured default for the key type
    /// (parameters.md section 5: ECDSA 1496 B, RSA 2193 B).
    /// </summary>
    public int CertificateChainBytes { get; init; }

    /// <summary>The (EC)DHE group; X25519, as the measured costs and sizes assume, unless the scenario says otherwise.</summary>
    public KeyExchangeKind KeyExchange { get; init; } = KeyExchangeKind.X25519;
}
