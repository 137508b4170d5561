using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.Clients;

/// <summary>
/// Keeps every client's session cache: what each connection offers a server in its ClientHello, and
/// what the client keeps from the handshake.
/// </summary>
/// <remarks>
/// The caches are structs and ticket pages in one arena, no object per client. The ticket a connection
/// in flight offers is copied out of the arena when the connection opens, into one stride per connection
/// slot, because the client uses a TLS 1.3 ticket up (RFC 8446 C.4) before the server reads it.
/// </remarks>
internal sealed class ClientCaches
{
    private readonly ClientSessionArena _sessions;
    private readonly TlsVersion _version;
    private readonly PskModes _pskModes;
    private readonly bool _earlyData;
    private byte[] _offerTickets = new byte[64 * ClientSessionArena.MaxTicketLength];

    /// <param name="clients">How many clients there are.</param>
    /// <param name="issuedTicketBytes">How long a ticket the servers issue is, kept beside each cache head (0 for none).</param>
    /// <param name="version">The protocol version every client offers.</param>
    /// <param name="tickets">The strategy's tickets, for a TLS 1.3 offer's PSK modes and early data; null without tickets.</param>
    /// <param name="clientBytes">Bytes of the caller's own kept beside each client's cache (<see cref="ClientRoom"/>).</param>
    public ClientCaches(int clients, int issuedTicketBytes, TlsVersion version, TicketConfig? tickets, int clientBytes = 0)
    {
        _sessions = new ClientSessionArena(clients, issuedTicketBytes, clientBytes);
        _version = version;
        _pskModes = tickets is { PskDhe: false } ? PskModes.Both : PskModes.PskDheKe;
        _earlyData = tickets is { EarlyData: true };
    }

    /// <inheritdoc cref="ClientSessionArena.ClientRoom"/>
    public ref byte ClientRoom(int client) => ref _sessions.ClientRoom(client);

    /// <summary>Starts loading <paramref name="client"/>'s cache head, which a visit reads first.</summary>
    public void Prefetch(int client) => _sessions.Prefetch(client);

    /// <summary>Starts loading the ticket <paramref name="client"/>'s cache head points at (the head must be loaded).</summary>
    public void PrefetchTicket(int client) => _sessions.PrefetchTicket(client);

    /// <summary>
    /// Starts loading the ticket connection <paramref name="connection"/> offers, copied out of the client's
    /// cache when the connection opened, 1.5 RTT and thousands of events before the server opens it: by
    /// then the copy has left the cache, and the MAC's first read of it stalled (4% of a 3M-client ticket
    /// run's samples, in <c>SHA256_Update</c>'s copy; docs/performance.md, Follow-up 6).
    /// </summary>
    public void PrefetchOffer(int connection, int ticketLength) =>
        LargeArrays.Prefetch(ref _offerTickets[connection * ClientSessionArena.MaxTicketLength], ticketLength);

    /// <inheritdoc cref="ClientSessionArena.HasUsableSession"/>
    public bool HasUsableSession(int client, ClientPreset preset, int host, long now) => _sessions.HasUsableSession(client, preset, host, now);

    /// <summary>
    /// What connection <paramref name="connection"/> of <paramref name="client"/> offers <paramref name="host"/>:
    /// the session it holds (a TLS 1.3 client uses each ticket once, so parallel connections can run out),
    /// its ticket copied into the connection's stride.
    /// </summary>
    public ClientLookup Offer(int connection, int client, ClientPreset preset, int host, long now, out HeldSession offer) =>
        _sessions.Lookup(client, preset, host, now, out offer, OfferStride(connection));

    /// <summary>The ClientHello of connection <paramref name="connection"/>, built from what it offers, with its kind's RFC 9149 ticket_request.</summary>
    public ClientHello Hello(int connection, bool hasOffer, in HeldSession offer, ClientKind kind, long now)
    {
        var hello = BuildHello(connection, hasOffer, offer, now);
        return _version == TlsVersion.Tls13 && kind.TicketRequest is { } request ? hello with { TicketRequest = request } : hello;
    }

    /// <summary>Whether a client of <paramref name="preset"/> keeps anything <paramref name="result"/> issued.</summary>
    public static bool Keeps(ClientPreset preset, HandshakeResult result) =>
        preset.Resumes && (result.NewTickets.Count > 0 || (!result.NewSessionId.IsEmpty && preset.OffersSessionIds));

    /// <summary>The client keeps what the server issued: a session ID, a renewed ticket, TLS 1.3 tickets.</summary>
    public void Keep(int client, ClientPreset preset, int host, HandshakeResult result, HeldSession? offered, long now)
    {
        var sessions = ClientSession.CountFromHandshake(result);
        for (var i = 0; i < sessions; i++)
        {
            var session = HeldSession.FromHandshake(result, i, now, offered, out var ticket);
            _sessions.Put(client, preset, host, session, ticket, now);
        }
    }

    /// <summary>Puts a session into <paramref name="client"/>'s cache directly (a stationary start).</summary>
    public void Put(int client, ClientPreset preset, int host, in HeldSession session, ReadOnlySpan<byte> ticket, long now) =>
        _sessions.Put(client, preset, host, session, ticket, now);

    /// <summary>The client lost everything it held (it is new, or its network changed).</summary>
    public void Forget(int client, ClientPreset preset) => _sessions.Forget(client, preset);

    private ClientHello BuildHello(int connection, bool hasOffer, in HeldSession offer, long now)
    {
        if (!hasOffer)
        {
            return _version == TlsVersion.Tls12 ? ClientHello.Fresh12(null) : ClientHello.Fresh13(null);
        }

        var ticket = _offerTickets.AsMemory(connection * ClientSessionArena.MaxTicketLength, offer.TicketLength);
        if (_version == TlsVersion.Tls12)
        {
            return ClientHello.Resume12(offer, ticket, null);
        }

        return ClientHello.Resume13(offer, ticket, null, now, earlyData: _earlyData, _pskModes);
    }

    /// <summary>Connection <paramref name="connection"/>'s stride of the offered-ticket buffer, grown with the connection pool.</summary>
    private Span<byte> OfferStride(int connection)
    {
        var end = (connection + 1) * ClientSessionArena.MaxTicketLength;
        if (end > _offerTickets.Length)
        {
            Array.Resize(ref _offerTickets, Math.Max(end, _offerTickets.Length * 2));
        }

        return _offerTickets.AsSpan(connection * ClientSessionArena.MaxTicketLength, ClientSessionArena.MaxTicketLength);
    }
}
