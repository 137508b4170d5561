namespace ResumeSim.Model.Configuration;

/// <summary>The kinds of handshake a cost profile prices.</summary>
public enum CostedHandshake
{
    /// <summary>A full handshake: key exchange plus a signature by the certificate's key.</summary>
    Full,

    /// <summary>TLS 1.2 abbreviated handshake (session ID or ticket).</summary>
    Resumed,

    /// <summary>TLS 1.3 resumption with psk_ke: no key exchange.</summary>
    Psk,

    /// <summary>TLS 1.3 resumption with psk_dhe_ke: an ECDHE but no signature.</summary>
    PskDhe,
}
