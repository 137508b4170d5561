namespace ResumeSim.Tls;

/// <summary>Server certificate key type; sets signature sizes and typical chain sizes.</summary>
public enum CertificateKind
{
    /// <summary>ECDSA P-256 (signature ~72 B DER).</summary>
    EcdsaP256,

    /// <summary>RSA 2048 (signature 256 B).</summary>
    Rsa2048,

    /// <summary>RSA 4096 (signature 512 B).</summary>
    Rsa4096,
}
