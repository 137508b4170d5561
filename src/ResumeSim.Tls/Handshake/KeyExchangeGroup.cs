namespace ResumeSim.Tls;

/// <summary>The (EC)DHE group of a handshake; sets the key share sizes (<see cref="HandshakeSizes"/>).</summary>
public enum KeyExchangeGroup
{
    /// <summary>X25519 (RFC 7748, RFC 8446 4.2.8.2): 32 B each way.</summary>
    X25519,

    /// <summary>secp256r1 (RFC 8446 4.2.8.2): an uncompressed point, 65 B each way.</summary>
    Secp256r1,

    /// <summary>
    /// X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem, FIPS 203), TLS 1.3 only: the client's share is an
    /// ML-KEM-768 encapsulation key (1,184 B) and an X25519 share (1,216 B), the server's an
    /// ML-KEM-768 ciphertext (1,088 B) and an X25519 share (1,120 B).
    /// </summary>
    X25519MlKem768,
}
