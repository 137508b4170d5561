using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>The life of a visit and its connections.</summary>
internal sealed partial class ResumptionWorld
{
    private void OnVisit(int client, long now)
    {
        _clients[client].VisitCounter++;
        ScheduleNextVisit(client, now);
        var dropped = DropSessionsIfGone(client, now);
        StartPage(client, 0, _hosts, dropped, now);
    }

    /// <summary>A trace row: its client visits its one host (the trace names the host of each visit).</summary>
    private void OnTraceVisit(int row, long now)
    {
        ScheduleTraceRow(row + 1);
        var client = _trace!.Client(row);
        var host = _trace.Host(row);
        _clients[client].VisitCounter++;
        var dropped = DropSessionsIfGone(client, now);
        StartPage(client, host, host + 1, dropped, now);
    }

    /// <summary>A page visit that opens connections to hosts <paramref name="firstHost"/> up to, not including, <paramref name="endHost"/>.</summary>
    private void StartPage(int client, int firstHost, int endHost, bool dropped, long now)
    {
        var measured = _metrics.InWindow(now);
        if (measured)
        {
            _metrics.Series.Arrivals[_metrics.BucketOf(now)]++;
        }

        var page = _pages.Allocate();
        ref var visit = ref _pages[page];
        visit.Client = client;
        visit.Start = now;
        visit.Measured = measured;
        visit.Visit = _clients[client].VisitCounter;
        visit.Connections = visit.Full = visit.Offered = 0;
        visit.FirstByte = long.MaxValue;
        visit.Ready = now;
        visit.SessionsDropped = dropped;

        var kind = _kinds[_clients.KindOf(client)];
        var perHost = kind.ConnectionsPerHost;

        var preset = PresetOf(client);
        var ordinal = 0;
        for (var host = firstHost; host < endHost; host++)
        {
            // wait-for-first: with no session for the host, one connection goes first and the
            // others start when its handshake completes, so they can resume from it.
            var waitForFirst = kind.Wait == ConnectionWait.WaitForFirst
                && perHost > 1
                && (!preset.Resumes || !_sessions.HasUsableSession(client, preset, host, now));
            var startNow = waitForFirst ? 1 : perHost;
            for (var k = 0; k < startNow; k++)
            {
                var connection = OpenConnection(client, host, page, ordinal++, now, measured);
                if (waitForFirst)
                {
                    _connections[connection].Waiters = perHost - 1;
                    ordinal += perHost - 1;
                }
            }
        }
    }

    private int OpenConnection(int client, int host, int page, int ordinal, long now, bool measured)
    {
        var connection = _connections.Allocate();
        ref var c = ref _connections[connection];
        c.Client = client;
        c.Host = host;
        c.Page = page;
        c.Ordinal = ordinal;
        ref var record = ref _clients[client];
        c.Visit = record.VisitCounter;
        c.RttMicros = record.RttMicros;
        c.Kind = record.Kind;
        c.Start = now;
        c.Measured = measured;
        c.Server = -1;

        // The client builds its ClientHello from what it holds for the host; a TLS 1.3 client
        // uses each ticket once (RFC 8446 C.4), so parallel connections can run out.
        var lookup = _sessions.Lookup(client, _kinds[c.Kind].Preset, host, now, out c.Offer, OfferTicket(connection));
        c.HasOffer = lookup == ClientLookup.Hit;
        c.NoOffer = c.HasOffer ? MissReason.None : WhyNoOffer(client, host, c.Kind, lookup, _pages[page].SessionsDropped);
        _pages[page].Open++;

        // TCP: SYN, SYN-ACK, then ACK + ClientHello: the hello reaches the server 1.5 RTT in.
        var rtt = c.RttTicks;
        c.HelloAt = now + rtt + (rtt / 2);
        _sim.Schedule(c.HelloAt, EventKinds.HelloArrives, connection);
        return connection;
    }

    /// <summary>
    /// Why a client offers nothing to <paramref name="host"/>: it never held a session for it (or never
    /// resumes), it used up its single-use TLS 1.3 tickets, or it lost what it held (its cache cleared,
    /// its LRU or its own lifetime cap). Only connections without an offer read the issuer's line.
    /// </summary>
    private MissReason WhyNoOffer(int client, int host, byte kind, ClientLookup lookup, bool dropped)
    {
        var preset = _kinds[kind].Preset;
        if (!preset.Resumes)
        {
            return MissReason.NotOffered;
        }

        if (lookup == ClientLookup.Expired)
        {
            return MissReason.ClientCacheLost;
        }

        if (_issuedBy[(client * _hosts) + host] < 0)
        {
            return MissReason.NotOffered;
        }

        return _version == TlsVersion.Tls13 && preset.SingleUseTls13Tickets && !dropped
            ? MissReason.NoTicketsLeft
            : MissReason.ClientCacheLost;
    }

    /// <summary>The ClientHello of <paramref name="connection"/> arrives, as the event of sequence number <paramref name="sequence"/>.</summary>
    private void OnHelloArrives(int connection, long now, long sequence)
    {
        ref var c = ref _connections[connection];
        var offered = c.HasOffer ? c.Offer.SessionId : SessionId.Empty;
        c.Server = _balancer.Choose(new BalancerRequest(c.Client, c.DrawKey, offered, now));
        c.Worker = AcceptWorker(c, c.Server);
        var server = _servers[c.Server];
        server.ActiveHandshakes++;
        if (server.TryFindFreeCore(now, sequence, out var core))
        {
            StartService(connection, core, now);
            return;
        }

        // Every core is busy: each one's end now takes a waiting connection, so each becomes an event.
        server.Enqueue(connection);
        for (var k = 0; k < server.Cores; k++)
        {
            ScheduleServiceEnd(server, k);
        }

        if (_metrics.InWindow(now))
        {
            var bucket = _metrics.BucketOf(now);
            _metrics.Series.QueueLengthMax[bucket] = Math.Max(_metrics.Series.QueueLengthMax[bucket], server.QueueLength);
        }
    }

    private void StartService(int connection, int core, long now)
    {
        ref var c = ref _connections[connection];
        var server = _servers[c.Server];
        if (c.Measured)
        {
            _metrics.QueueWait.Record(now - c.HelloAt);
        }

        // The server reads the ClientHello when a core takes it up, so the decision sees the
        // store and key ring as they are at that moment.
        var hello = WithTicketRequest(BuildHello(c, connection, now), c.Kind);
        DeliverKeys(server, now);
        var result = server.Resumption.For(c.Worker).Handshake(hello, now);
        c.Result = result;
        c.Keeps = Keeps(c, result);
        c.Miss = RefineMiss(result.Miss, c, WorkerIndex(server.Index, c.Worker), now);
        c.ExtraLatency = SharedCacheDelay();

        // The core serves the handshake, then the rest of the connection's work (the profile's
        // per-connection base: request, response, logging, close), so the base holds the core and
        // delays whoever queues behind it but not this handshake's own flights. The core's end is an
        // event only if someone waits for the core (ServerNode); it keeps its place among equal
        // times either way. Everything else the end decides is known now.
        var handshakeEnd = now + DrawService(ServiceTicks(result), c);
        var end = handshakeEnd + _connectionTicks;
        server.Occupy(core, end, _sim.ReserveSequence());
        if (server.QueueLength > 0)
        {
            ScheduleServiceEnd(server, core);
        }

        _metrics.AddBusy(server.Index, now, end);
        _metrics.AddHandshakeBusy(now, handshakeEnd);
        _metrics.AddService(server.Index, now, end - now);
        var rtt = c.RttTicks;
        var roundTrips = FlightTiming.RoundTripsAfterServerFlight(_scenario.Protocol.Version, result.Outcome)
            + FlightTiming.ExtraRoundTripsForFlight(result.ServerFlightBytes, _scenario.Network);
        var done = handshakeEnd + (rtt / 2) + (roundTrips * rtt) + c.ExtraLatency;
        if (CompletionTouchesNothingShared(c, result))
        {
            OnHandshakeDone(connection, done);
            return;
        }

        _sim.Schedule(done, EventKinds.HandshakeDone, connection);
    }

    /// <summary>
    /// Whether the completion of <paramref name="c"/> only counts it, so it can be done now, with its
    /// completion time, instead of as an event: the client keeps nothing, no balancer learns or counts
    /// anything, no connection waits for it, and nobody observes completions one by one. The counts
    /// are sums, maxima and histograms, which do not depend on the order they are added in (a page is
    /// ready at its latest completion, <see cref="PageVisit.Ready"/>). At scale nine handshakes in ten
    /// are such resumptions.
    /// </summary>
    private bool CompletionTouchesNothingShared(in Connection c, HandshakeResult result) =>
        !c.Keeps
        && c.Waiters == 0
        && result.NewSessionId.IsEmpty
        && !_balancer.CountsHandshakesInFlight
        && Observer is null
        && PageObserver is null;

    /// <summary>A core of <paramref name="server"/> is done while connections wait: it takes the first.</summary>
    private void OnServiceDone(int server, int core, long now)
    {
        var node = _servers[server];
        node.Release(core);
        if (node.TryDequeue(out var next))
        {
            StartService(next, core, now);
        }
    }

    /// <summary>Makes core <paramref name="core"/>'s service end an event, under the sequence reserved when it started, unless it already is one.</summary>
    private void ScheduleServiceEnd(ServerNode server, int core)
    {
        if (server.TakeUnscheduledEnd(core, out var endsAt, out var sequence))
        {
            _sim.ScheduleReserved(endsAt, sequence, EventKinds.ServiceDone, server.Index, core);
        }
    }

    private ClientHello BuildHello(in Connection c, int connection, long now)
    {
        if (!c.HasOffer)
        {
            return _version == TlsVersion.Tls12 ? ClientHello.Fresh12(null) : ClientHello.Fresh13(null);
        }

        var ticket = _offerTickets.AsMemory(connection * ClientSessionArena.MaxTicketLength, c.Offer.TicketLength);
        if (_version == TlsVersion.Tls12)
        {
            return ClientHello.Resume12(c.Offer, ticket, null);
        }

        var modes = _strategy.Tickets is { PskDhe: false } ? PskModes.Both : PskModes.PskDheKe;
        return ClientHello.Resume13(c.Offer, ticket, null, now, earlyData: _strategy.Tickets is { EarlyData: true }, modes);
    }

    /// <summary>Connection <paramref name="connection"/>'s stride of the offered-ticket buffer, grown with the connection pool.</summary>
    private Span<byte> OfferTicket(int connection)
    {
        var end = (connection + 1) * ClientSessionArena.MaxTicketLength;
        if (end > _offerTickets.Length)
        {
            Array.Resize(ref _offerTickets, Math.Max(end, _offerTickets.Length * 2));
        }

        return _offerTickets.AsSpan(connection * ClientSessionArena.MaxTicketLength, ClientSessionArena.MaxTicketLength);
    }

    /// <summary>
    /// The core can only say "unknown id" or "unknown key"; the world knows which server (and worker)
    /// issued the client's session and so can tell a session held by another server, or by another
    /// worker's cache of this server, from one this server lost. <paramref name="here"/> is
    /// <see cref="IssuerOf"/> for the server and worker that took the connection.
    /// </summary>
    private MissReason RefineMiss(MissReason miss, in Connection c, int here, long now)
    {
        // Most handshakes are not these misses: only they read the issuer (a cold line per client).
        if (miss is not (MissReason.UnknownId or MissReason.UnknownTicketKey))
        {
            return miss;
        }

        var issued = _issuedBy[(c.Client * _hosts) + c.Host];
        var issuer = IssuingWorker(issued);
        var server = here / _workers;
        var issuerServer = issuer >= 0 ? issuer / _workers : -1;
        var lostInRestart = issuerServer == server && RestartedSince(issued, server);
        return miss switch
        {
            MissReason.UnknownId when _setup.PerServerStores && issuer >= 0 && issuerServer != server => MissReason.OtherServer,
            MissReason.UnknownId when _setup.PerServerStores && lostInRestart => MissReason.StoreFlushed,
            MissReason.UnknownId when _setup.PerWorkerStores && issuer >= 0 && issuer != here => MissReason.OtherWorker,

            // A store that already swept an expired session answers "unknown"; the client received the
            // session after the server created it, so an age past the timeout proves it expired.
            MissReason.UnknownId when c.HasOffer && now - c.Offer.ReceivedAt >= _sessionTimeoutTicks => MissReason.SessionExpired,
            MissReason.UnknownId => MissReason.Evicted,
            MissReason.UnknownTicketKey when _setup.PerServerKeys && issuer >= 0 && issuerServer != server => MissReason.OtherServer,
            MissReason.UnknownTicketKey when _setup.PerServerKeys && lostInRestart => MissReason.TicketKeyRetired,
            _ => miss,
        };
    }

    /// <summary>The session-cache behaviour of <paramref name="client"/>'s kind.</summary>
    private ClientPreset PresetOf(int client) => _kinds[_clients.KindOf(client)].Preset;
}
