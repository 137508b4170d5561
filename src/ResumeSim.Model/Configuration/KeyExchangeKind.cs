namespace ResumeSim.Model.Configuration;

/// <summary>
/// The (EC)DHE group of full handshakes and TLS 1.3 psk_dhe_ke resumptions (<c>tls.key_exchange</c>).
/// It sizes the key shares in the hellos and adds its CPU over X25519's, which the measured handshake
/// costs already hold (nginx with OpenSSL 3.0 picks X25519 first).
/// </summary>
public enum KeyExchangeKind
{
    /// <summary>X25519 (RFC 7748): 32 B shares each way; what the cost profile's handshakes were measured with.</summary>
    X25519,

    /// <summary>secp256r1 (P-256): 65 B uncompressed points each way.</summary>
    P256,

    /// <summary>
    /// The X25519MLKEM768 hybrid of draft-ietf-tls-ecdhe-mlkem (TLS 1.3 only): the client sends an
    /// ML-KEM-768 encapsulation key and an X25519 share (1,216 B), the server an ML-KEM-768
    /// ciphertext and its X25519 share (1,120 B); the server encapsulates once on top of X25519.
    /// </summary>
    X25519MlKem768,
}
