namespace ResumeSim.Tls;

/// <summary>What kind of handshake the server ran.</summary>
public enum HandshakeOutcome
{
    /// <summary>Full handshake: certificate, signature, key exchange.</summary>
    Full,

    /// <summary>TLS 1.2 abbreviated handshake from the session store (RFC 5246 7.3).</summary>
    ResumedById,

    /// <summary>TLS 1.2 abbreviated handshake from an RFC 5077 ticket.</summary>
    ResumedByTicket,

    /// <summary>TLS 1.3 PSK-only resumption (psk_ke).</summary>
    Psk,

    /// <summary>TLS 1.3 PSK with (EC)DHE (psk_dhe_ke).</summary>
    PskDhe,

    /// <summary>TLS 1.3 PSK resumption with early data accepted (see <see cref="HandshakeResult.PskWithDhe"/> for the key exchange).</summary>
    ZeroRtt,
}
