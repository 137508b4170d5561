using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Arrivals;

/// <summary>
/// Schedules when each client visits next, or which trace row is replayed next, and tells whether a
/// visit comes from a client that lost its sessions since its last one (churn, network change).
/// </summary>
internal sealed class VisitScheduler
{
    private readonly Simulation _sim;
    private readonly ClientPopulation _clients;
    private readonly VisitProcess _visits;
    private readonly VisitRateTimeline _rates;
    private readonly long _end;

    /// <summary>Each client's last visit time, kept only when mobile clients need the gap.</summary>
    private readonly long[]? _lastVisit;

    /// <param name="sim">Where visits are scheduled.</param>
    /// <param name="clients">The population; each record's visit counter numbers its visits.</param>
    /// <param name="config">The clients' visit process, churn and trace.</param>
    /// <param name="seed">The replication's seed.</param>
    /// <param name="rates">Traffic surges, laid out in advance.</param>
    /// <param name="end">No visit starts at or after this time.</param>
    public VisitScheduler(Simulation sim, ClientPopulation clients, ClientsConfig config, ulong seed, VisitRateTimeline rates, long end)
    {
        _sim = sim;
        _clients = clients;
        _rates = rates;
        _end = end;
        Trace = config.Trace;
        _visits = new VisitProcess(config, seed);
        _lastVisit = _visits.HasMobileClients ? new long[clients.Count] : null;
    }

    /// <summary>The replayed trace, or null when visits are drawn.</summary>
    public TraceArrivals? Trace { get; }

    /// <summary>Schedules every client's first visit, or the trace's first row.</summary>
    public void ScheduleFirst()
    {
        if (Trace is not null)
        {
            ScheduleTraceRow(0);
            return;
        }

        for (var c = 0; c < _clients.Count; c++)
        {
            ScheduleNextVisit(c, 0);
        }
    }

    /// <summary>Schedules <paramref name="client"/>'s next visit after its current one, unless it falls after the end.</summary>
    public void ScheduleNextVisit(int client, long now)
    {
        var next = _visits.NextVisit(client, _clients[client].VisitCounter, now, _clients.VisitRate(client));

        // Traffic surges (faults): the gap drawn at the base rate is laid out on the surged clock.
        if (!_rates.IsEmpty && next != long.MaxValue)
        {
            next = _rates.Next(now, next - now);
        }

        if (next < _end)
        {
            _sim.Schedule(next, EventKinds.Visit, client);
        }
    }

    /// <summary>
    /// A trace is replayed with one pending event: each row, when it runs, schedules the next, so
    /// a million-row trace costs one queue entry rather than a million (DESIGN.md section 3).
    /// </summary>
    public void ScheduleTraceRow(int row)
    {
        if (row < Trace!.Count && Trace.TimeTicks(row) < _end)
        {
            _sim.Schedule(Trace.TimeTicks(row), EventKinds.TraceVisit, row);
        }
    }

    /// <summary>
    /// Whether this visit of <paramref name="client"/> (its record's current visit) comes from a new client,
    /// or from a mobile client whose network changed since its last visit: either way it holds no sessions.
    /// </summary>
    public bool LostSessions(int client, long now)
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

        return dropped;
    }
}
