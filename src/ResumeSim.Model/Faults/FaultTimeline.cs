using ResumeSim.Engine;
using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Balancing;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Metrics;
using ResumeSim.Model.Servers;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Faults;

/// <summary>
/// Runs the scenario's fault timeline (docs/farm.md) as scheduled events that act on the farm's servers,
/// keys and shared cache: restarts with downtime, cache-node failures and flushes, key desyncs,
/// scale-out and scale-in (traffic surges are laid out in advance, <see cref="Surges"/>).
/// </summary>
internal sealed class FaultTimeline
{
    private readonly IReadOnlyList<FaultConfig> _faults;
    private readonly Simulation _sim;
    private readonly Farm _farm;
    private readonly SharedCacheTier? _tier;
    private readonly Balancer _balancer;
    private readonly MetricsRecorder _metrics;
    private readonly long _end;

    /// <summary>Servers a restart with downtime has taken down and will bring back.</summary>
    private readonly HashSet<int> _restarting = [];

    public FaultTimeline(IReadOnlyList<FaultConfig> faults, Simulation sim, Farm farm, SharedCacheTier? tier, Balancer balancer, MetricsRecorder metrics, long end)
    {
        _faults = faults;
        _sim = sim;
        _farm = farm;
        _tier = tier;
        _balancer = balancer;
        _metrics = metrics;
        _end = end;
    }

    /// <summary>Servers the farm may ever hold: the initial ones and every scale-out's.</summary>
    public static int MaxServers(ScenarioConfig scenario)
    {
        var max = scenario.Farm.Servers;
        foreach (var fault in scenario.Faults)
        {
            if (fault.Kind == FaultKind.ScaleOut)
            {
                max += fault.Count;
            }
        }

        return max;
    }

    /// <summary>The traffic surges of the timeline as a visit-rate clock (a surge changes when visits come, not a server).</summary>
    public static VisitRateTimeline Surges(ScenarioConfig scenario, long measuredStart)
    {
        var surges = new List<(long, long, double)>();
        foreach (var fault in scenario.Faults)
        {
            if (fault.Kind == FaultKind.Surge)
            {
                var start = measuredStart + SimTime.FromTimeSpan(fault.At);
                var end = fault.Window == TimeSpan.MaxValue ? long.MaxValue : start + SimTime.FromTimeSpan(fault.Window);
                surges.Add((start, end, fault.Multiplier));
            }
        }

        return new VisitRateTimeline(surges);
    }

    /// <summary>Schedules every fault, its time counted from <paramref name="measuredStart"/>.</summary>
    public void ScheduleAll(long measuredStart)
    {
        for (var f = 0; f < _faults.Count; f++)
        {
            _sim.Schedule(measuredStart + SimTime.FromTimeSpan(_faults[f].At), EventKinds.Fault, f);
        }
    }

    /// <summary>Fault <paramref name="index"/> of the timeline starts.</summary>
    public void Start(int index, long now)
    {
        var fault = _faults[index];
        switch (fault.Kind)
        {
            case FaultKind.Restart when fault.Window == TimeSpan.Zero:
                _farm.Restart(fault.Server, now);
                break;
            case FaultKind.Restart:
                // The process stops; the balancer's health check takes it out until it is back.
                if (fault.Server < _farm.Created && _farm.Live.Contains(fault.Server))
                {
                    _restarting.Add(fault.Server);
                    SetLive(fault.Server, false, now);
                    ScheduleEnd(index, fault, now);
                }

                break;
            case FaultKind.FlushStore:
                Flush(fault, now);
                break;
            case FaultKind.CacheNodeFail when _tier is { } tier && fault.CacheNode < tier.Nodes.Count:
                tier.SetDown(fault.CacheNode, true, now);
                ScheduleEnd(index, fault, now);
                break;
            case FaultKind.KeyDesync when fault.Server < _farm.Created:
                _farm.Desync(fault.Server, own: true, now);
                ScheduleEnd(index, fault, now);
                break;
            case FaultKind.ScaleOut:
                for (var k = 0; k < fault.Count; k++)
                {
                    _farm.Add(now);
                    Announce(live: true, now);
                }

                break;
            case FaultKind.ScaleIn:
                // The highest-numbered servers leave; handshakes they hold finish (a graceful drain).
                for (var k = 0; k < fault.Count && _farm.Live.Count > 1; k++)
                {
                    SetLive(_farm.Live[^1], false, now);
                }

                break;
            case FaultKind.Surge or FaultKind.CacheNodeFail or FaultKind.KeyDesync:
                // A surge is laid out in advance (Surges); a cache fault needs a shared cache; a
                // desync of a server not yet in the farm does nothing.
                break;
            default:
                throw new InvalidOperationException($"unknown fault {fault.Kind}");
        }
    }

    /// <summary>The window of fault <paramref name="index"/> ends: a server or cache node is back, a desync heals.</summary>
    public void End(int index, long now)
    {
        var fault = _faults[index];
        switch (fault.Kind)
        {
            case FaultKind.Restart:
                // Only a server this restart took down comes back (not one a scale-in removed).
                if (_restarting.Remove(fault.Server))
                {
                    _farm.Restart(fault.Server, now);
                    SetLive(fault.Server, true, now);
                }

                break;
            case FaultKind.CacheNodeFail:
                // The node comes back empty and takes its share of ids again.
                _tier!.SetDown(fault.CacheNode, false, now);
                break;
            case FaultKind.KeyDesync:
                _farm.Desync(fault.Server, own: false, now);
                break;
            default:
                throw new InvalidOperationException($"fault {fault.Kind} has no end");
        }
    }

    private void Flush(FaultConfig fault, long now)
    {
        if (_tier is { } tier)
        {
            // flush: server-N on a farm-shared cache flushes the cache the server uses (all of it).
            tier.Flush(fault.Server < 0 ? fault.CacheNode : -1, now);
        }
        else if (fault.Server >= 0 && fault.Server < _farm.Created)
        {
            _farm[fault.Server].Resumption.FlushStores(now);
        }
    }

    private void ScheduleEnd(int index, FaultConfig fault, long now)
    {
        if (fault.Window == TimeSpan.MaxValue)
        {
            return;
        }

        var end = now + SimTime.FromTimeSpan(fault.Window);
        if (end < _end)
        {
            _sim.Schedule(end, EventKinds.FaultEnd, index);
        }
    }

    private void SetLive(int server, bool live, long now)
    {
        _farm.SetLive(server, live);
        Announce(live, now);
    }

    /// <summary>The farm's membership changed: its uptime counts from now, and the balancer sees the new live set.</summary>
    private void Announce(bool live, long now)
    {
        _metrics.AddUptime(now, _end, live ? 1 : -1);
        _balancer.SetLive(_farm.Live);
    }
}
