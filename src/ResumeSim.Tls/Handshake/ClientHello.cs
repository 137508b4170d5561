namespace ResumeSim.Tls;

/// <summary>
/// The resumption-relevant parts of a ClientHello.
/// </summary>
/// <param name="Version">Highest version the client offers.</param>
/// <param name="SessionId">Offered session id (TLS 1.2), or <see cref="SessionId.Empty"/>.</param>
/// <param name="Ticket">TLS 1.2 session_ticket extension contents, or the TLS 1.3 PSK identity; empty if none.</param>
/// <param name="ServerName">SNI, or null.</param>
/// <param name="OffersEarlyData">TLS 1.3 early_data extension present.</param>
/// <param name="PskModes">psk_key_exchange_modes (RFC 8446 4.2.9).</param>
/// <param name="ObfuscatedTicketAge">obfuscated_ticket_age of the PSK identity (ms + age_add, mod 2^32).</param>
public readonly record struct ClientHello(
    TlsVersion Version,
    SessionId SessionId,
    ReadOnlyMemory<byte> Ticket,
    string? ServerName,
    bool OffersEarlyData,
    PskModes PskModes,
    uint ObfuscatedTicketAge)
{
    /// <summary>TLS 1.2: the client sent a session_ticket extension (empty or not), so it accepts new tickets.</summary>
    public bool SupportsTickets { get; init; } = true;

    /// <summary>TLS 1.3: the RFC 9149 ticket_request extension, or null when the client sends none.</summary>
    public TicketRequest? TicketRequest { get; init; }

    /// <summary>A first-visit TLS 1.2 hello: nothing to resume.</summary>
    public static ClientHello Fresh12(string? serverName) =>
        new(TlsVersion.Tls12, SessionId.Empty, ReadOnlyMemory<byte>.Empty, serverName, false, PskModes.None, 0);

    /// <summary>A first-visit TLS 1.3 hello (browsers send psk_dhe_ke).</summary>
    public static ClientHello Fresh13(string? serverName) =>
        new(TlsVersion.Tls13, SessionId.Empty, ReadOnlyMemory<byte>.Empty, serverName, false, PskModes.PskDheKe, 0);

    /// <summary>A TLS 1.3 hello resuming <paramref name="session"/> at <paramref name="now"/> (ns).</summary>
    public static ClientHello Resume13(ClientSession session, string? serverName, long now, bool earlyData = false, PskModes modes = PskModes.PskDheKe)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(TlsVersion.Tls13, SessionId.Empty, session.Ticket, serverName, earlyData, modes, session.ObfuscatedAge(now));
    }

    /// <summary>A TLS 1.3 hello resuming <paramref name="session"/>, whose ticket is <paramref name="ticket"/>, at <paramref name="now"/> (ns).</summary>
    public static ClientHello Resume13(in HeldSession session, ReadOnlyMemory<byte> ticket, string? serverName, long now, bool earlyData = false, PskModes modes = PskModes.PskDheKe) =>
        new(TlsVersion.Tls13, SessionId.Empty, ticket, serverName, earlyData, modes, session.ObfuscatedAge(now));

    /// <summary>A TLS 1.2 hello resuming <paramref name="session"/> (its ticket if it has one, else its id).</summary>
    public static ClientHello Resume12(ClientSession session, string? serverName)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(TlsVersion.Tls12, session.SessionId, session.Ticket, serverName, false, PskModes.None, 0);
    }

    /// <summary>A TLS 1.2 hello resuming <paramref name="session"/>, whose ticket (if any) is <paramref name="ticket"/>.</summary>
    public static ClientHello Resume12(in HeldSession session, ReadOnlyMemory<byte> ticket, string? serverName) =>
        new(TlsVersion.Tls12, session.SessionId, ticket, serverName, false, PskModes.None, 0);
}
