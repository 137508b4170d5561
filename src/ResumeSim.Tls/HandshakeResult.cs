namespace ResumeSim.Tls;

/// <summary>What one server handshake produced: the outcome, why it was not resumed, what was issued and the bytes on the wire.</summary>
public sealed class HandshakeResult
{
    /// <summary>Kind of handshake.</summary>
    public required HandshakeOutcome Outcome { get; init; }

    /// <summary>Why not resumed (<see cref="MissReason.None"/> when resumed).</summary>
    public required MissReason Miss { get; init; }

    /// <summary>Negotiated version.</summary>
    public required TlsVersion Version { get; init; }

    /// <summary>The session now in use (new on a full handshake, the resumed one otherwise).</summary>
    public required SessionState Session { get; init; }

    /// <summary>Session id issued in ServerHello on a full TLS 1.2 handshake, else <see cref="SessionId.Empty"/>.</summary>
    public SessionId NewSessionId { get; init; }

    /// <summary>True when <see cref="NewSessionId"/>'s session was actually stored (stores are lossy).</summary>
    public bool SessionStored { get; init; }

    /// <summary>Tickets issued (TLS 1.2: 0 or 1; TLS 1.3: N), in the order sent.</summary>
    public IReadOnlyList<NewSessionTicket> NewSessionTickets { get; init; } = Array.Empty<NewSessionTicket>();

    /// <summary>The opaque ticket bytes of <see cref="NewSessionTickets"/>.</summary>
    public IReadOnlyList<byte[]> NewTickets { get; init; } = Array.Empty<byte[]>();

    /// <summary>A TLS 1.2 ticket was re-issued because it was opened with an older key.</summary>
    public bool TicketRenewed { get; init; }

    /// <summary>age_add of the first TLS 1.3 ticket (0 if none).</summary>
    public uint TicketAgeAdd { get; init; }

    /// <summary>The ticket opening result when a ticket was examined.</summary>
    public TicketOpenStatus? TicketStatus { get; init; }

    /// <summary>The store lookup result when an id (or stateful ticket) was looked up.</summary>
    public StoreLookup? StoreResult { get; init; }

    /// <summary>What became of early data.</summary>
    public EarlyDataStatus EarlyData { get; init; }

    /// <summary>TLS 1.3 resumption with (EC)DHE (psk_dhe_ke), also for <see cref="HandshakeOutcome.ZeroRtt"/>.</summary>
    public bool PskWithDhe { get; init; }

    /// <summary>TLS round trips before the client may send application data (TCP not included); 0-RTT still counts 1 for the handshake.</summary>
    public int RoundTrips { get; init; }

    /// <summary>ClientHello bytes on the wire.</summary>
    public int ClientHelloBytes { get; init; }

    /// <summary>All server-to-client handshake bytes, NewSessionTickets included.</summary>
    public int ServerFlightBytes { get; init; }

    /// <summary>Server bytes sent before it waits for the client (what meets the initial congestion window).</summary>
    public int ServerFirstFlightBytes { get; init; }

    /// <summary>Client bytes after the ClientHello (key exchange, CCS, Finished, EndOfEarlyData).</summary>
    public int ClientFlightBytes { get; init; }

    /// <summary>True for every outcome but <see cref="HandshakeOutcome.Full"/>.</summary>
    public bool Resumed => Outcome != HandshakeOutcome.Full;

    /// <summary>All handshake bytes both ways.</summary>
    public int TotalBytes => ClientHelloBytes + ServerFlightBytes + ClientFlightBytes;
}
