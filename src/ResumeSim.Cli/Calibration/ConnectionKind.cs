namespace ResumeSim.Cli.Calibration;

/// <summary>The kinds of whole connection <c>calibrate</c> measures (docs/costs.md, "calibrate").</summary>
internal enum ConnectionKind
{
    /// <summary>Plain TCP: accept, one HTTP request and response, close. The profile's per-connection base.</summary>
    Plain,

    /// <summary>TLS 1.2 full handshake on a listener with session IDs (tickets off): one session stored.</summary>
    Tls12FullId,

    /// <summary>TLS 1.2 resumed by session ID: one session looked up.</summary>
    Tls12ResumedId,

    /// <summary>TLS 1.2 full handshake on a listener with tickets: one ticket sealed.</summary>
    Tls12FullTicket,

    /// <summary>TLS 1.2 resumed by ticket: one ticket opened, none re-issued (OpenSSL).</summary>
    Tls12ResumedTicket,

    /// <summary>TLS 1.3 full handshake: two tickets sealed (OpenSSL's default).</summary>
    Tls13Full,

    /// <summary>TLS 1.3 psk_dhe_ke resumption: one ticket opened, one sealed.</summary>
    Tls13PskDhe,
}
