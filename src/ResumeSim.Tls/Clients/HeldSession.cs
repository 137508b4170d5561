using System.Runtime.InteropServices;

namespace ResumeSim.Tls;

/// <summary>
/// What a client keeps to resume with one server, without the ticket's bytes: the value a
/// <see cref="ClientSessionArena"/> stores inline for each client, so ten million clients cost no object each
/// (docs/performance.md, Scale). A TLS 1.2 session id and/or ticket, or one TLS 1.3 ticket (each TLS 1.3
/// NewSessionTicket is a separate session). Times in ns since an arbitrary epoch.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct HeldSession
{
    /// <summary>Creates a session; <paramref name="ticketLength"/> is the length of its ticket (0: none).</summary>
    public HeldSession(TlsVersion version, SessionId sessionId, int ticketLength, long receivedAt, long lifetimeNs, uint ageAdd = 0, uint maxEarlyData = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lifetimeNs);
        ArgumentOutOfRangeException.ThrowIfNegative(ticketLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ticketLength, ClientSessionArena.MaxTicketLength);
        SessionId = sessionId;
        ReceivedAt = receivedAt;
        LifetimeNs = lifetimeNs;
        AgeAdd = ageAdd;
        MaxEarlyData = maxEarlyData;
        TicketLength = ticketLength;
        Version = version;
    }

    /// <summary>TLS 1.2 session id (Empty if the server gave none).</summary>
    public SessionId SessionId { get; }

    /// <summary>When the client received it.</summary>
    public long ReceivedAt { get; }

    /// <summary>Lifetime the server announced (ticket lifetime / hint), or long.MaxValue when it said nothing.</summary>
    public long LifetimeNs { get; }

    /// <summary>TLS 1.3 ticket_age_add.</summary>
    public uint AgeAdd { get; }

    /// <summary>max_early_data_size the ticket allows (0 = no 0-RTT).</summary>
    public uint MaxEarlyData { get; }

    /// <summary>Length of the ticket (TLS 1.2 RFC 5077 or TLS 1.3 PSK identity); 0 when there is none.</summary>
    public int TicketLength { get; }

    /// <summary>Version of the session.</summary>
    public TlsVersion Version { get; }

    /// <summary>True when the session carries a ticket.</summary>
    public bool HasTicket => TicketLength > 0;

    /// <summary>This session without its session ID (a client that resumes only with tickets).</summary>
    public HeldSession WithoutSessionId() => new(Version, SessionId.Empty, TicketLength, ReceivedAt, LifetimeNs, AgeAdd, MaxEarlyData);

    /// <summary>RFC 8446 4.2.11.1: ticket age in ms plus age_add, modulo 2^32.</summary>
    public uint ObfuscatedAge(long now) => ObfuscatedAge(ReceivedAt, AgeAdd, now);

    /// <summary>RFC 8446 4.2.11.1 for a ticket received at <paramref name="receivedAt"/> with <paramref name="ageAdd"/>.</summary>
    internal static uint ObfuscatedAge(long receivedAt, uint ageAdd, long now) =>
        unchecked((uint)((now - receivedAt) / Nanoseconds.PerMillisecond) + ageAdd);

    /// <summary>
    /// Session <paramref name="index"/> of what a client keeps from <paramref name="result"/> (see
    /// <see cref="ClientSession.CountFromHandshake"/>), with the ticket's bytes in <paramref name="ticket"/>
    /// (null when it has none). Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="index"/> is not below <see cref="ClientSession.CountFromHandshake"/>.</exception>
    public static HeldSession FromHandshake(HandshakeResult result, int index, long now, out byte[]? ticket) =>
        FromHandshake(result, index, now, offered: null, out ticket);

    /// <summary>
    /// As <see cref="FromHandshake(HandshakeResult, int, long, out byte[])"/>, for a handshake that offered
    /// <paramref name="offered"/>: a TLS 1.2 ticket renewed on resumption keeps the offered session's time, so
    /// the client's expiry stays where the full handshake put it (BoringSSL <c>ssl_session_rebase_time</c>,
    /// called by <c>do_read_session_ticket</c> on a renewed ticket).
    /// </summary>
    public static HeldSession FromHandshake(HandshakeResult result, int index, long now, HeldSession? offered, out byte[]? ticket)
    {
        var session = Issued(result, index, now, out ticket);
        return offered is { } was && result.Version == TlsVersion.Tls12 && result.TicketRenewed && was.Version == TlsVersion.Tls12
            ? new HeldSession(TlsVersion.Tls12, session.SessionId, session.TicketLength, was.ReceivedAt, session.LifetimeNs)
            : session;
    }

    private static HeldSession Issued(HandshakeResult result, int index, long now, out byte[]? ticket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ClientSession.CountFromHandshake(result));
        var tickets = result.NewSessionTickets;
        if (result.Version == TlsVersion.Tls13)
        {
            var t = tickets[index];
            ticket = t.Ticket;
            return new HeldSession(TlsVersion.Tls13, SessionId.Empty, t.Ticket.Length, now, t.LifetimeSeconds * Nanoseconds.PerSecond, t.AgeAdd, t.MaxEarlyData);
        }

        // RFC 5077 3.3: a lifetime hint of 0 means unspecified.
        long lifetime = tickets.Count > 0 && tickets[0].LifetimeSeconds > 0 ? tickets[0].LifetimeSeconds * Nanoseconds.PerSecond : long.MaxValue;
        ticket = tickets.Count > 0 ? tickets[0].Ticket : null;
        return new HeldSession(TlsVersion.Tls12, result.NewSessionId, ticket?.Length ?? 0, now, lifetime);
    }
}
