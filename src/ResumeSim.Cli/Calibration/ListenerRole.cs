namespace ResumeSim.Cli.Calibration;

/// <summary>How a calibration listener is configured; each <see cref="ConnectionKind"/> uses one.</summary>
internal enum ListenerRole
{
    /// <summary>Plain TCP (HTTP without TLS).</summary>
    Plain,

    /// <summary>TLS 1.2, session tickets off, a session cache: resumption by session ID.</summary>
    Tls12Ids,

    /// <summary>TLS 1.2, session tickets on: resumption by ticket.</summary>
    Tls12Tickets,

    /// <summary>TLS 1.3 with stateless tickets: resumption by psk_dhe_ke.</summary>
    Tls13,
}
