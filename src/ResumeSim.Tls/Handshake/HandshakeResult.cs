using System.Diagnostics.CodeAnalysis;

namespace ResumeSim.Tls;

/// <summary>What one server handshake produced: the outcome, why it was not resumed, what was issued and the bytes on the wire.</summary>
public sealed class HandshakeResult
{
    internal HandshakeOutcome outcome;
    internal MissReason miss;
    internal TlsVersion version;
    internal SessionState session = null!;
    internal SessionId newSessionId;
    internal bool sessionStored;
    internal IReadOnlyList<NewSessionTicket> newSessionTickets = Array.Empty<NewSessionTicket>();
    internal IReadOnlyList<byte[]> newTickets = Array.Empty<byte[]>();
    internal bool ticketRenewed;
    internal uint ticketAgeAdd;
    internal TicketOpenStatus? ticketStatus;
    internal StoreLookup? storeResult;
    internal EarlyDataStatus earlyData;
    internal bool pskWithDhe;
    internal int roundTrips;
    internal int clientHelloBytes;
    internal int serverFlightBytes;
    internal int serverFirstFlightBytes;
    internal int clientFlightBytes;
    private readonly List<NewSessionTicket> reusedTickets = new(4);
    private readonly TicketBytesView reusedBytes;
    private readonly Stack<HandshakeResult>? spares;
    private bool recycled;

    /// <summary>Creates a result by hand; <see cref="TlsServerState.Handshake(in ClientHello, long)"/> makes them.</summary>
    public HandshakeResult()
    {
        reusedBytes = new TicketBytesView(reusedTickets);
    }

    [SetsRequiredMembers]
    private HandshakeResult(Stack<HandshakeResult> spares)
    {
        // Blank until the first handshake fills it: Session is null only in that window.
        Session = null!;
        reusedBytes = new TicketBytesView(reusedTickets);
        this.spares = spares;
    }

    /// <summary>The ticket list a handshake refills in place.</summary>
    internal List<NewSessionTicket> ReusedTickets => reusedTickets;

    /// <summary>The view of <see cref="ReusedTickets"/>' bytes.</summary>
    internal IReadOnlyList<byte[]> ReusedBytes => reusedBytes;

    /// <summary>Kind of handshake.</summary>
    public required HandshakeOutcome Outcome { get => outcome; init => outcome = value; }

    /// <summary>Why not resumed (<see cref="MissReason.None"/> when resumed).</summary>
    public required MissReason Miss { get => miss; init => miss = value; }

    /// <summary>Negotiated version.</summary>
    public required TlsVersion Version { get => version; init => version = value; }

    /// <summary>The session now in use (new on a full handshake, the resumed one otherwise).</summary>
    public required SessionState Session { get => session; init => session = value; }

    /// <summary>Session id issued in ServerHello on a full TLS 1.2 handshake, else <see cref="SessionId.Empty"/>.</summary>
    public SessionId NewSessionId { get => newSessionId; init => newSessionId = value; }

    /// <summary>True when <see cref="NewSessionId"/>'s session was actually stored (stores are lossy).</summary>
    public bool SessionStored { get => sessionStored; init => sessionStored = value; }

    /// <summary>Tickets issued (TLS 1.2: 0 or 1; TLS 1.3: N), in the order sent.</summary>
    public IReadOnlyList<NewSessionTicket> NewSessionTickets { get => newSessionTickets; init => newSessionTickets = value; }

    /// <summary>The opaque ticket bytes of <see cref="NewSessionTickets"/>.</summary>
    public IReadOnlyList<byte[]> NewTickets { get => newTickets; init => newTickets = value; }

    /// <summary>A TLS 1.2 ticket was re-issued because it was opened with an older key.</summary>
    public bool TicketRenewed { get => ticketRenewed; init => ticketRenewed = value; }

    /// <summary>age_add of the first TLS 1.3 ticket (0 if none).</summary>
    public uint TicketAgeAdd { get => ticketAgeAdd; init => ticketAgeAdd = value; }

    /// <summary>The ticket opening result when a ticket was examined.</summary>
    public TicketOpenStatus? TicketStatus { get => ticketStatus; init => ticketStatus = value; }

    /// <summary>The store lookup result when an id (or stateful ticket) was looked up.</summary>
    public StoreLookup? StoreResult { get => storeResult; init => storeResult = value; }

    /// <summary>What became of early data.</summary>
    public EarlyDataStatus EarlyData { get => earlyData; init => earlyData = value; }

    /// <summary>TLS 1.3 resumption with (EC)DHE (psk_dhe_ke), also for <see cref="HandshakeOutcome.ZeroRtt"/>.</summary>
    public bool PskWithDhe { get => pskWithDhe; init => pskWithDhe = value; }

    /// <summary>TLS round trips before the client may send application data (TCP not included); 0-RTT still counts 1 for the handshake.</summary>
    public int RoundTrips { get => roundTrips; init => roundTrips = value; }

    /// <summary>ClientHello bytes on the wire.</summary>
    public int ClientHelloBytes { get => clientHelloBytes; init => clientHelloBytes = value; }

    /// <summary>All server-to-client handshake bytes, NewSessionTickets included.</summary>
    public int ServerFlightBytes { get => serverFlightBytes; init => serverFlightBytes = value; }

    /// <summary>Server bytes sent before it waits for the client (what meets the initial congestion window).</summary>
    public int ServerFirstFlightBytes { get => serverFirstFlightBytes; init => serverFirstFlightBytes = value; }

    /// <summary>Client bytes after the ClientHello (key exchange, CCS, Finished, EndOfEarlyData).</summary>
    public int ClientFlightBytes { get => clientFlightBytes; init => clientFlightBytes = value; }

    /// <summary>True for every outcome but <see cref="HandshakeOutcome.Full"/>.</summary>
    public bool Resumed => Outcome != HandshakeOutcome.Full;

    /// <summary>All handshake bytes both ways.</summary>
    public int TotalBytes => ClientHelloBytes + ServerFlightBytes + ClientFlightBytes;

    /// <summary>
    /// Hands this result back to the server state that made it, to be refilled by one of its later
    /// handshakes instead of a new result being allocated: a caller running millions of handshakes (the
    /// simulator) calls it once it has read all it needs. The result must not be read afterwards. Does
    /// nothing for a result made by hand.
    /// </summary>
    /// <exception cref="InvalidOperationException">when the result was already handed back.</exception>
    public void Recycle()
    {
        if (spares is null)
        {
            return;
        }

        if (recycled)
        {
            throw new InvalidOperationException("This handshake result was already recycled.");
        }

        recycled = true;
        spares.Push(this);
    }

    /// <summary>A blank result that <see cref="Recycle"/> returns to <paramref name="spares"/>.</summary>
    internal static HandshakeResult CreatePooled(Stack<HandshakeResult> spares) => new(spares);

    /// <summary>Marks the result as in use again, taken from its spares for a handshake.</summary>
    internal void Rent() => recycled = false;
}
