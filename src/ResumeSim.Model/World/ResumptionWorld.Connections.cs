using ResumeSim.Model.Balancing;
using ResumeSim.Model.Clients;
using ResumeSim.Model.Completion;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>A connection's way from a visit to its server's core: the handlers that pass it from part to part.</summary>
internal sealed partial class ResumptionWorld
{
    private void OnVisit(int client, long now)
    {
        _clients[client].VisitCounter++;
        _arrivals.ScheduleNextVisit(client, now);
        var dropped = DropSessionsIfGone(client, now);
        StartPage(client, 0, _hosts, dropped, now);
    }

    /// <summary>A trace row: its client visits its one host (the trace names the host of each visit).</summary>
    private void OnTraceVisit(int row, long now)
    {
        _arrivals.ScheduleTraceRow(row + 1);
        var trace = _arrivals.Trace!;
        var client = trace.Client(row);
        var host = trace.Host(row);
        _clients[client].VisitCounter++;
        var dropped = DropSessionsIfGone(client, now);
        StartPage(client, host, host + 1, dropped, now);
    }

    /// <summary>A client that lost its sessions since its last visit (churn, network change) comes back with an empty cache.</summary>
    private bool DropSessionsIfGone(int client, long now)
    {
        if (!_arrivals.LostSessions(client, now))
        {
            return false;
        }

        // The issuers stay: a later connection without an offer then counts as a lost cache.
        _caches.Forget(client, PresetOf(client));
        if (_metrics.InWindow(now))
        {
            _metrics.VisitsWithSessionsDropped++;
        }

        return true;
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
                && (!preset.Resumes || !_caches.HasUsableSession(client, preset, host, now));
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

        // The client builds its ClientHello from what it holds for the host.
        var preset = _kinds[c.Kind].Preset;
        var lookup = _caches.Offer(connection, client, preset, host, now, out c.Offer);
        c.HasOffer = lookup == ClientLookup.Hit;
        c.NoOffer = c.HasOffer ? MissReason.None : _issuers.WhyNoOffer(client, host, preset, lookup, _pages[page].SessionsDropped);
        _pages[page].Open++;

        // TCP: SYN, SYN-ACK, then ACK + ClientHello: the hello reaches the server 1.5 RTT in.
        var rtt = c.RttTicks;
        c.HelloAt = now + rtt + (rtt / 2);
        _sim.Schedule(c.HelloAt, EventKinds.HelloArrives, connection);
        return connection;
    }

    /// <summary>The ClientHello of <paramref name="connection"/> arrives, as the event of sequence number <paramref name="sequence"/>.</summary>
    private void OnHelloArrives(int connection, long now, long sequence)
    {
        ref var c = ref _connections[connection];
        var offered = c.HasOffer ? c.Offer.SessionId : SessionId.Empty;
        c.Server = _balancer.Choose(new BalancerRequest(c.Client, c.DrawKey, offered, now));
        c.Worker = _workers.Accept(c.Server, c.Client, c.DrawKey);
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
        var kind = _kinds[c.Kind];
        var hello = _caches.Hello(connection, c.HasOffer, c.Offer, kind, now);
        server.DeliverKeys(now);
        var cacheDelayBefore = _tier?.DelayTotal ?? 0;
        var result = server.Resumption.For(c.Worker).Handshake(hello, now);
        c.Result = result;
        c.Keeps = ClientCaches.Keeps(kind.Preset, result);
        c.Miss = _issuers.Explain(result.Miss, c.Client, c.Host, server.Index, c.Worker, c.HasOffer, c.Offer.ReceivedAt, now);

        // What the shared cache added to this decision (network, node queue, timeouts).
        c.ExtraLatency = _tier is null ? 0 : _tier.DelayTotal - cacheDelayBefore;

        // The core serves the handshake, then the rest of the connection's work (the profile's
        // per-connection base: request, response, logging, close), so the base holds the core and
        // delays whoever queues behind it but not this handshake's own flights. The core's end is an
        // event only if someone waits for the core (ServerNode); it keeps its place among equal
        // times either way. Everything else the end decides is known now.
        var handshakeEnd = now + _costs.ServiceTicks(result, c.Client, c.DrawKey);
        var end = handshakeEnd + _costs.ConnectionTicks;
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
}
