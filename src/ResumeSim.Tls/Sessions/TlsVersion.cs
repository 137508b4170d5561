namespace ResumeSim.Tls;

/// <summary>The protocol versions whose resumption mechanisms are modelled.</summary>
public enum TlsVersion
{
    /// <summary>TLS 1.2 (RFC 5246): session ids and RFC 5077 tickets.</summary>
    Tls12,

    /// <summary>TLS 1.3 (RFC 8446): PSK resumption from NewSessionTicket, optional 0-RTT.</summary>
    Tls13,
}
