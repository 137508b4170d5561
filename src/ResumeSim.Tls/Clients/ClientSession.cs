namespace ResumeSim.Tls;

/// <summary>
/// What a client keeps to resume with one server: a TLS 1.2 session id and/or ticket, or one TLS 1.3
/// ticket (each TLS 1.3 NewSessionTicket is a separate session). Times in ns since an arbitrary epoch.
/// </summary>
public sealed class ClientSession
{
    /// <summary>Creates a session.</summary>
    public ClientSession(TlsVersion version, SessionId sessionId, byte[]? ticket, long receivedAt, long lifetimeNs, uint ageAdd = 0, uint maxEarlyData = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lifetimeNs);
        Version = version;
        SessionId = sessionId;
        Ticket = ticket;
        ReceivedAt = receivedAt;
        LifetimeNs = lifetimeNs;
        AgeAdd = ageAdd;
        MaxEarlyData = maxEarlyData;
    }

    /// <summary>Creates a session from what an arena holds and the ticket's bytes (null: none).</summary>
    public ClientSession(in HeldSession held, byte[]? ticket)
        : this(held.Version, held.SessionId, ticket, held.ReceivedAt, held.LifetimeNs, held.AgeAdd, held.MaxEarlyData)
    {
    }

    /// <summary>Version of the session.</summary>
    public TlsVersion Version { get; }

    /// <summary>TLS 1.2 session id (Empty if the server gave none).</summary>
    public SessionId SessionId { get; }

    /// <summary>Ticket (TLS 1.2 RFC 5077 or TLS 1.3 PSK identity), or null.</summary>
    public byte[]? Ticket { get; }

    /// <summary>When the client received it.</summary>
    public long ReceivedAt { get; }

    /// <summary>Lifetime the server announced (ticket lifetime / hint), or long.MaxValue when it said nothing.</summary>
    public long LifetimeNs { get; }

    /// <summary>TLS 1.3 ticket_age_add.</summary>
    public uint AgeAdd { get; }

    /// <summary>max_early_data_size the ticket allows (0 = no 0-RTT).</summary>
    public uint MaxEarlyData { get; }

    /// <summary>RFC 8446 4.2.11.1: ticket age in ms plus age_add, modulo 2^32.</summary>
    public uint ObfuscatedAge(long now) => HeldSession.ObfuscatedAge(ReceivedAt, AgeAdd, now);

    /// <summary>
    /// The sessions a client keeps from <paramref name="result"/>: TLS 1.2 one (new id and/or ticket;
    /// none when it resumed by id or by ticket without renewal, since the old one stays valid);
    /// TLS 1.3 one per ticket.
    /// </summary>
    public static IReadOnlyList<ClientSession> FromHandshake(HandshakeResult result, long now)
    {
        ArgumentNullException.ThrowIfNull(result);
        int count = CountFromHandshake(result);
        if (count == 0)
        {
            return Array.Empty<ClientSession>();
        }

        var sessions = new ClientSession[count];
        for (int i = 0; i < count; i++)
        {
            sessions[i] = FromHandshake(result, i, now);
        }

        return sessions;
    }

    /// <summary>How many sessions <see cref="FromHandshake(HandshakeResult, long)"/> returns for <paramref name="result"/>.</summary>
    public static int CountFromHandshake(HandshakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int tickets = result.NewSessionTickets.Count;
        if (result.Version == TlsVersion.Tls13)
        {
            return tickets;
        }

        return result.NewSessionId.IsEmpty && tickets == 0 ? 0 : 1;
    }

    /// <summary>
    /// Session <paramref name="index"/> of <see cref="FromHandshake(HandshakeResult, long)"/>, made alone so a
    /// caller storing them one by one allocates no list.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="index"/> is not below <see cref="CountFromHandshake"/>.</exception>
    public static ClientSession FromHandshake(HandshakeResult result, int index, long now) =>
        new(HeldSession.FromHandshake(result, index, now, out var ticket), ticket);

    /// <summary>This session without its ticket's bytes, as a <see cref="ClientSessionArena"/> holds it.</summary>
    public HeldSession ToHeld() => new(Version, SessionId, Ticket?.Length ?? 0, ReceivedAt, LifetimeNs, AgeAdd, MaxEarlyData);
}
