namespace ResumeSim.Tls;

/// <summary>
/// One server's resumption state and its handshake decision: a session store, an optional ticket key
/// ring and an optional 0-RTT guard. <see cref="Handshake"/> runs the guard clauses of
/// <c>CheckForResumption12/13</c> (Go's <c>checkForResumption</c> shape), then either the resumed or
/// the full handshake, and reports the outcome, the miss reason, what was issued and the bytes of
/// every flight computed from the messages produced (<see cref="HandshakeSizes"/>).
/// <para><c>now</c> is ns since an arbitrary epoch; randomness (ids, secrets, age_add, IVs) comes
/// from the injected <see cref="IRandomBytes"/>; nothing reads a clock. Not thread-safe.</para>
/// </summary>
public sealed partial class TlsServerState
{
    private readonly ServerResumptionOptions options;
    private readonly IServerSessionStore store;
    private readonly TicketRotator? tickets;
    private readonly IRandomBytes random;
    private readonly EarlyDataGuard? guard;
    private readonly List<NewSessionTicket> issued = new(4);

    // Set when a full handshake's new session id can be known ahead: see PrefetchNewSession.
    private readonly IPredictableRandomBytes? predictable;
    private readonly IStoreSlotPrefetcher? slots;

    // Results handed back by HandshakeResult.Recycle, refilled by later handshakes: a simulator running
    // millions of handshakes then allocates one result per handshake in flight, not one per handshake.
    private readonly Stack<HandshakeResult> spareResults = new();
    private ulong nextNonce;

    /// <summary>Creates the state.</summary>
    /// <exception cref="ArgumentException">when tickets are on without a rotator, or the options are invalid.</exception>
    public TlsServerState(ServerResumptionOptions options, IServerSessionStore store, TicketRotator? tickets, IRandomBytes random, EarlyDataGuard? guard)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        if (options.Tickets && tickets is null)
        {
            throw new ArgumentException("Tickets are on but no TicketRotator was given.", nameof(tickets));
        }

        this.options = options;
        this.store = store;
        this.tickets = tickets;
        this.random = random;
        this.guard = guard;
        if (options is { Version: TlsVersion.Tls12, SessionIds: true, Tickets: false } && store.CanCache
            && random is IPredictableRandomBytes ahead && store is IStoreSlotPrefetcher prefetcher)
        {
            predictable = ahead;
            slots = prefetcher;
        }
    }

    /// <summary>The settings.</summary>
    public ServerResumptionOptions Options => options;

    /// <summary>The session store (ids, TLS 1.3 stateful tickets).</summary>
    public IServerSessionStore Store => store;

    /// <summary>The ticket key ring, or null when tickets are off.</summary>
    public TicketRotator? Tickets => tickets;

    /// <summary>The 0-RTT guard, or null.</summary>
    public EarlyDataGuard? EarlyDataGuard => guard;

    /// <summary>
    /// Decides and runs one handshake for <paramref name="hello"/> at <paramref name="now"/>. The result is
    /// the caller's; one it no longer reads may be handed back with <see cref="HandshakeResult.Recycle"/>.
    /// </summary>
    public HandshakeResult Handshake(in ClientHello hello, long now)
    {
        var into = spareResults.Count > 0 ? spareResults.Pop() : HandshakeResult.CreatePooled(spareResults);
        into.Rent();
        return Run(hello, now, into);
    }

    /// <summary>
    /// Hints that the next handshake will be full (its client offers nothing to resume): starts loading the
    /// store slot where the session id it draws will be put. Only for a TLS 1.2 server that stores every
    /// new session and issues no tickets, with randomness that can be read ahead; otherwise does nothing.
    /// Draws and changes nothing: a guess made wrong by another draw first costs only the load.
    /// </summary>
    public void PrefetchNewSession()
    {
        if (predictable is null)
        {
            return;
        }

        Span<byte> id = stackalloc byte[SessionId.Length];
        predictable.Peek(SessionState.MasterSecretLength, id);
        slots!.PrefetchSlot(SessionId.FromBytes(id));
    }

    /// <summary>Server restart: the store is flushed and the ticket keys erased.</summary>
    public void Restart(long now)
    {
        store.Flush(now);
        tickets?.Clear(now);
    }

    private HandshakeResult Run(in ClientHello hello, long now, HandshakeResult into)
    {
        issued.Clear();
        var version = hello.Version == TlsVersion.Tls13 && options.Version == TlsVersion.Tls13 ? TlsVersion.Tls13 : TlsVersion.Tls12;
        var check = version == TlsVersion.Tls13 ? CheckForResumption13(hello, now) : CheckForResumption12(hello, now);
        var result = check.IsResumed ? DoResumeHandshake(hello, version, check, now, into) : DoFullHandshake(hello, version, check, now, into);
        ReportFinished(version, check.IsResumed, result.NewSessionId, now);
        return result;
    }

    private HandshakeResult DoFullHandshake(in ClientHello hello, TlsVersion version, Check check, long now, HandshakeResult into)
    {
        // The secret is drawn before the id, the order PrefetchNewSession reads them ahead in.
        Span<byte> secret = stackalloc byte[SessionState.MasterSecretLength];
        random.Fill(secret);
        long lifetime = version == TlsVersion.Tls13 ? options.Tls13TicketLifetimeNs : options.SessionTimeoutNs;
        var session = new SessionState(version, Suite(version), secret, hello.ServerName, options.Alpn, now, lifetime, now);
        var id = SessionId.Empty;
        bool stored = false;
        if (version == TlsVersion.Tls12)
        {
            bool ticketExpected = options.Tickets && hello.SupportsTickets;
            if (options.SessionIds && store.CanCache && !(ticketExpected && options.EmptySessionIdWithTicket))
            {
                id = SessionId.NewRandom(random);
                stored = store.Put(id, session, now);
            }

            if (options.Tickets && hello.SupportsTickets)
            {
                issued.Add(Ticket12(session, now));
            }
        }
        else
        {
            IssueTickets13(session, TicketCount13(hello, resumed: false, renew: false), now);
        }

        var sizes = version == TlsVersion.Tls12
            ? Sizes12(full: true, id.IsEmpty ? 0 : SessionId.Length, hello)
            : Sizes13(full: true, dhe: true, earlyAccepted: false, hello);
        var early = hello.OffersEarlyData ? EarlyDataStatus.RejectedNoPsk : EarlyDataStatus.NotOffered;
        return Result(check with { EarlyData = early, PskWithDhe = false }, version, session, sizes, id, stored, renewed: false, roundTrips: version == TlsVersion.Tls12 ? 2 : 1, into);
    }

    private HandshakeResult DoResumeHandshake(in ClientHello hello, TlsVersion version, Check check, long now, HandshakeResult into)
    {
        var session = check.State!;
        Sizes sizes;
        if (version == TlsVersion.Tls12)
        {
            // nginx/HAProxy re-issue a ticket opened with an older key; OpenSSL otherwise sends none (parameters.md).
            if (check.Renew && hello.SupportsTickets)
            {
                issued.Add(Ticket12(session, now));
            }

            sizes = Sizes12(full: false, SessionId.Length, hello);
        }
        else
        {
            IssueTickets13(session, TicketCount13(hello, resumed: true, check.Renew), now);
            sizes = Sizes13(full: false, check.PskWithDhe, check.EarlyData == EarlyDataStatus.Accepted, hello);
        }

        bool renewed = version == TlsVersion.Tls12 && issued.Count > 0;
        return Result(check, version, session, sizes, SessionId.Empty, stored: false, renewed, roundTrips: 1, into);
    }

    /// <summary><paramref name="result"/>, refilled in place: nothing of a handshake it held before survives.</summary>
    private HandshakeResult Result(
        Check check, TlsVersion version, SessionState session, Sizes sizes, SessionId id, bool stored, bool renewed, int roundTrips, HandshakeResult result)
    {
        result.ReusedTickets.Clear();
        result.ReusedTickets.AddRange(issued);
        result.outcome = check.Outcome;
        result.miss = check.Reason;
        result.version = version;
        result.session = session;
        result.newSessionTickets = result.ReusedTickets;
        result.newTickets = result.ReusedBytes;
        result.ticketAgeAdd = issued.Count > 0 ? issued[0].AgeAdd : 0;
        result.newSessionId = id;
        result.sessionStored = stored;
        result.ticketRenewed = renewed;
        result.earlyData = check.EarlyData;
        result.pskWithDhe = check.PskWithDhe;
        result.roundTrips = roundTrips;
        result.ticketStatus = check.TicketStatus;
        result.storeResult = check.Lookup;
        result.clientHelloBytes = sizes.ClientHello;
        result.serverFlightBytes = sizes.Server;
        result.serverFirstFlightBytes = sizes.ServerFirst;
        result.clientFlightBytes = sizes.Client;
        return result;
    }

    private NewSessionTicket Ticket12(SessionState session, long now)
    {
        uint hint = (uint)Math.Min(uint.MaxValue, Nanoseconds.ToSeconds(options.SessionTimeoutNs));
        return new NewSessionTicket(TlsVersion.Tls12, hint, 0, 0, tickets!.Seal(session, now));
    }

    /// <summary>
    /// TLS 1.3 tickets to send: the server's fixed count, or with RFC 9149 support on and a
    /// ticket_request in the hello, what the client asked for within the server's cap; none after a
    /// resumption whose ticket the sealing key opened when the server renews only older keys' tickets.
    /// </summary>
    private int TicketCount13(in ClientHello hello, bool resumed, bool renew)
    {
        if (resumed && options.Tls13RenewOnlyWithOldKey && options.Tickets && !options.SingleUseTls13Tickets && !renew)
        {
            return 0;
        }

        return options.TicketRequestCap > 0 && hello.TicketRequest is { } request
            ? request.TicketsFor(resumed, options.TicketRequestCap)
            : resumed ? options.Tls13TicketsAfterResumption : options.Tls13TicketsAfterFull;
    }

    /// <summary>
    /// RFC 8446 4.6.1: each ticket gets its own age_add and nonce; lifetime capped at 7 days from authentication,
    /// and at the full handshake's expiry when the server keeps it absolute. A stateful ticket is the ID of an
    /// entry in the server's store (tickets off, or OpenSSL's single-use anti-replay tickets).
    /// </summary>
    private void IssueTickets13(SessionState session, int count, long now)
    {
        bool stateless = options.Tickets && !options.SingleUseTls13Tickets;
        if (count == 0 || (!stateless && !((options.SessionIds || options.SingleUseTls13Tickets) && store.CanCache)))
        {
            return;
        }

        long sinceAuth = now - session.AuthTime;
        long lifetime = Math.Min(options.Tls13TicketLifetimeNs, ServerResumptionOptions.MaxTls13LifetimeNs - sinceAuth);
        if (options.Tls13AbsoluteExpiry)
        {
            lifetime = Math.Min(lifetime, options.Tls13TicketLifetimeNs - sinceAuth);
        }

        long seconds = Nanoseconds.ToSeconds(lifetime);
        if (seconds <= 0)
        {
            return;
        }

        uint maxEarly = options.AcceptEarlyData ? options.MaxEarlyData : 0;
        Span<byte> ageBytes = stackalloc byte[4];
        Span<byte> idBytes = stackalloc byte[SessionId.Length];
        for (int i = 0; i < count; i++)
        {
            random.Fill(ageBytes);
            uint ageAdd = BitConverter.ToUInt32(ageBytes);
            ulong nonce = nextNonce++;
            var state = session.ForNewTicket(now, seconds * Nanoseconds.PerSecond, ageAdd, nonce, maxEarly);
            byte[] ticket;
            if (stateless)
            {
                ticket = tickets!.Seal(state, now);
                if (options.CachesStatelessTls13Sessions && options.SessionIds && store.CanCache)
                {
                    store.Put(SessionId.NewRandom(random), state, now);
                }
            }
            else
            {
                var id = SessionId.NewRandom(random);
                store.Put(id, state, now);
                id.CopyTo(idBytes);
                ticket = idBytes.ToArray();
            }

            issued.Add(new NewSessionTicket(TlsVersion.Tls13, (uint)seconds, ageAdd, nonce, ticket, maxEarly));
        }
    }

    /// <summary>
    /// The TLS 1.2 session a full handshake at <paramref name="createdAt"/> would have made, with the given
    /// secret: for a simulation that starts with sessions created before it (drawn from the stationary
    /// state), so they carry what this server's own would.
    /// </summary>
    public SessionState PastSession12(ReadOnlySpan<byte> masterSecret, long createdAt) =>
        new(TlsVersion.Tls12, Suite(TlsVersion.Tls12), masterSecret, null, options.Alpn, createdAt, options.SessionTimeoutNs, createdAt);

    private ushort Suite(TlsVersion version) => options.CipherSuite != 0
        ? options.CipherSuite
        : version == TlsVersion.Tls13 ? (ushort)0x1302 : options.Certificate == CertificateKind.EcdsaP256 ? (ushort)0xC02B : (ushort)0xC02F;
}
