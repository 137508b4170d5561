using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>
/// Visits: when they happen (<see cref="VisitProcess"/>), what a client of each kind opens
/// (<see cref="ClientKind"/>), sessions lost between visits (churn, network changes), and when the
/// first response byte and the whole page are ready.
/// </summary>
internal sealed partial class ResumptionWorld
{
    /// <summary>Told of every ready page visit, warm-up included (tests and trace export).</summary>
    public Action<PageRecord>? PageObserver { get; set; }

    private static ClientKind[] ResolveKinds(ScenarioConfig scenario)
    {
        var mix = scenario.Clients.Mix;
        var kinds = new ClientKind[mix.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = ClientKind.Resolve(mix[i], scenario.Pages);
        }

        return kinds;
    }

    private void ScheduleNextVisit(int client, long now)
    {
        var next = _visits.NextVisit(client, _clients[client].VisitCounter, now, _clients.VisitRate(client));

        // Traffic surges (faults): the gap drawn at the base rate is laid out on the surged clock.
        if (!_visitRates.IsEmpty && next != long.MaxValue)
        {
            next = _visitRates.Next(now, next - now);
        }
        if (next < _end)
        {
            _sim.Schedule(next, EventKinds.Visit, client);
        }
    }

    /// <summary>
    /// Churn and network changes: this visit may come from a new client, or from a mobile client whose
    /// network changed since its last visit; either way it holds no sessions any more.
    /// </summary>
    private bool DropSessionsIfGone(int client, long now)
    {
        if (!_visits.DropsSessions)
        {
            return false;
        }

        var visit = _clients[client].VisitCounter;
        var dropped = _visits.Churns(client, visit);
        if (_lastVisit is not null)
        {
            dropped |= _visits.IsMobile(client) && _visits.NetworkChanged(client, visit, now - _lastVisit[client]);
            _lastVisit[client] = now;
        }

        if (dropped)
        {
            // The issuers stay: a later connection without an offer then counts as a lost cache.
            _sessions.Forget(client, PresetOf(client));
            if (_metrics.InWindow(now))
            {
                _metrics.VisitsWithSessionsDropped++;
            }
        }

        return dropped;
    }

    /// <summary>A TLS 1.3 hello carries the client kind's RFC 9149 ticket_request, if it sends one.</summary>
    private ClientHello WithTicketRequest(ClientHello hello, int kind) =>
        _version == TlsVersion.Tls13 && _kinds[kind].TicketRequest is { } request
            ? hello with { TicketRequest = request }
            : hello;

    /// <summary>
    /// A connection's handshake is done: the client sends its first request now and has the first
    /// response byte one RTT later, unless the server accepted it as 0-RTT early data with the
    /// ClientHello, in which case the response came with the server's flight (RFC 8446 2.3).
    /// </summary>
    private void OnConnectionReady(ref PageVisit visit, in Connection c, HandshakeResult result, long now)
    {
        var firstByte = result.Outcome == HandshakeOutcome.ZeroRtt ? now : now + c.RttTicks;
        visit.FirstByte = Math.Min(visit.FirstByte, firstByte);
        visit.Connections++;
        visit.Full += result.Outcome == HandshakeOutcome.Full ? 1 : 0;
        visit.Offered += c.HasOffer ? 1 : 0;
        if (!c.Measured)
        {
            return;
        }

        _metrics.FirstByte.Record(firstByte - c.Start);
        if (result.EarlyData is not (EarlyDataStatus.NotOffered or EarlyDataStatus.Accepted))
        {
            _metrics.EarlyDataRejected++;
        }
    }

    private void OnPageReady(in PageVisit visit) =>
        PageObserver?.Invoke(new PageRecord(visit.Client, visit.Visit, visit.Start, visit.Ready, visit.Connections, visit.Full, visit.Offered, visit.FirstByte, visit.SessionsDropped));
}
