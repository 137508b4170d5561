using ResumeSim.Engine;
using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Metrics;
using ResumeSim.Model.Servers;

namespace ResumeSim.Model.World;

/// <summary>
/// The fault timeline (docs/farm.md): restarts with downtime, shared-cache node failures and
/// flushes, key desyncs, traffic surges, scale-out and scale-in; and the farm state they change.
/// </summary>
internal sealed partial class ResumptionWorld
{
    private readonly List<int> _live = [];
    private readonly bool[] _desynced;
    private readonly HashSet<int> _restarting = [];
    private int _created;
    private FarmCounters _sampled;

    /// <summary>Servers the farm may ever hold: the initial ones and every scale-out's.</summary>
    private static int MaxServers(ScenarioConfig scenario)
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

    private static VisitRateTimeline SurgeTimeline(ScenarioConfig scenario, long measuredStart)
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

    private void OnFault(FaultConfig fault, long now)
    {
        switch (fault.Kind)
        {
            case FaultKind.Restart when fault.Window == TimeSpan.Zero:
                Restart(fault.Server, now);
                break;
            case FaultKind.Restart:
                // The process stops; the balancer's health check takes it out until it is back.
                if (fault.Server < _created && _live.Contains(fault.Server))
                {
                    _restarting.Add(fault.Server);
                    SetLive(fault.Server, false, now);
                    ScheduleEnd(fault, now);
                }

                break;
            case FaultKind.FlushStore:
                Flush(fault, now);
                break;
            case FaultKind.CacheNodeFail when _setup.SharedTier is { } tier && fault.CacheNode < tier.Nodes.Count:
                tier.SetDown(fault.CacheNode, true, now);
                ScheduleEnd(fault, now);
                break;
            case FaultKind.KeyDesync when fault.Server < _created:
                // The server loads a key file of its own (a failed or stale push): tickets it seals
                // open nowhere else, and it cannot open the farm's.
                _desynced[fault.Server] = true;
                SwapRing(fault.Server, own: true, now);
                ScheduleEnd(fault, now);
                break;
            case FaultKind.ScaleOut:
                for (var k = 0; k < fault.Count; k++)
                {
                    var index = _created++;
                    _servers[index] = new ServerNode(index, _scenario.Farm.Cores, _setup.CreateServer(index, 0, now));
                    SetLive(index, true, now);
                }

                break;
            case FaultKind.ScaleIn:
                // The highest-numbered servers leave; handshakes they hold finish (a graceful drain).
                for (var k = 0; k < fault.Count && _live.Count > 1; k++)
                {
                    SetLive(_live[^1], false, now);
                }

                break;
            case FaultKind.Surge or FaultKind.CacheNodeFail or FaultKind.KeyDesync:
                // A surge is laid out in advance (VisitRateTimeline); a cache fault needs a shared
                // cache; a desync of a server not yet in the farm does nothing.
                break;
            default:
                throw new InvalidOperationException($"unknown fault {fault.Kind}");
        }
    }

    private void OnFaultEnd(FaultConfig fault, long now)
    {
        switch (fault.Kind)
        {
            case FaultKind.Restart:
                // Only a server this restart took down comes back (not one a scale-in removed).
                if (_restarting.Remove(fault.Server))
                {
                    Restart(fault.Server, now);
                    SetLive(fault.Server, true, now);
                }

                break;
            case FaultKind.CacheNodeFail:
                // The node comes back empty and takes its share of ids again.
                _setup.SharedTier!.SetDown(fault.CacheNode, false, now);
                break;
            case FaultKind.KeyDesync:
                _desynced[fault.Server] = false;
                SwapRing(fault.Server, own: false, now);
                break;
            default:
                throw new InvalidOperationException($"fault {fault.Kind} has no end");
        }
    }

    /// <summary>
    /// A restarted process loses what it held in memory: its own session store and its own ticket
    /// keys (a desynced ring included). Farm-shared state lives elsewhere and survives; a booting
    /// server reads the farm's current keys.
    /// </summary>
    private void Restart(int index, long now)
    {
        if (index >= _created)
        {
            return;
        }

        _incarnations[index]++;
        _restarts[index]++;
        _desynced[index] = false;
        var server = _servers[index];
        if (_setup.PerServerStores)
        {
            server.Resumption.FlushStores(now);
        }

        if (server.Resumption.Rotator is { } ring && !_setup.IsFarmRing(ring))
        {
            ring.Clear(now);
        }

        server.Resumption = _setup.CreateServer(index, _incarnations[index], now);
        ResetAcceptQueue(index);
    }

    /// <summary>
    /// Replaces a server's ring (a desync starts or heals): the ring it drops is erased from its
    /// memory unless it is the one ring the whole farm shares.
    /// </summary>
    private void SwapRing(int index, bool own, long now)
    {
        var server = _servers[index];
        var dropped = server.Resumption.Rotator;
        server.Resumption = _setup.WithRing(server.Resumption, index, ++_incarnations[index], own, now);
        if (dropped is not null && !ReferenceEquals(dropped, server.Resumption.Rotator) && !_setup.IsFarmRing(dropped))
        {
            dropped.Clear(now);
        }
    }

    private void Flush(FaultConfig fault, long now)
    {
        if (_setup.SharedTier is { } tier)
        {
            // flush: server-N on a farm-shared cache flushes the cache the server uses (all of it).
            tier.Flush(fault.Server < 0 ? fault.CacheNode : -1, now);
        }
        else if (fault.Server >= 0 && fault.Server < _created)
        {
            _servers[fault.Server].Resumption.FlushStores(now);
        }
    }

    private void ScheduleEnd(FaultConfig fault, long now)
    {
        if (fault.Window == TimeSpan.MaxValue)
        {
            return;
        }

        var end = now + SimTime.FromTimeSpan(fault.Window);
        if (end < _end)
        {
            _sim.Schedule(end, EventKinds.FaultEnd, IndexOf(fault));
        }
    }

    private int IndexOf(FaultConfig fault)
    {
        for (var f = 0; f < _scenario.Faults.Count; f++)
        {
            if (ReferenceEquals(_scenario.Faults[f], fault))
            {
                return f;
            }
        }

        throw new InvalidOperationException("fault not in the scenario");
    }

    private void SetLive(int index, bool live, long now)
    {
        if (live)
        {
            var at = _live.BinarySearch(index);
            _live.Insert(at < 0 ? ~at : at, index);
        }
        else
        {
            _live.Remove(index);
        }

        _metrics.AddUptime(now, _end, live ? 1 : -1);
        _balancer.SetLive(_live);
    }

    /// <summary>Hands a server the farm keys that have reached it (a no-op unless keys propagate with a delay).</summary>
    private void DeliverKeys(ServerNode server, long now)
    {
        if (_setup.DistributedKeys is { } keys && !_desynced[server.Index] && server.Resumption.Rotator is { } ring)
        {
            keys.Deliver(server.Index, ring, now);
        }
    }

    /// <summary>What the shared cache added to the handshake just decided (network, node queue, timeouts).</summary>
    private long SharedCacheDelay() => _setup.SharedTier?.TakeDelay() ?? 0;

    /// <summary>Bucket-end samples of the farm: live servers, shared-cache operations and stick-table evictions since the last sample.</summary>
    private void SampleFarm(int bucket)
    {
        var series = _metrics.Series;
        var now = FarmCounters.Of(_setup.SharedTier, _balancer);
        series.ServersUp[bucket] = _live.Count;
        series.CacheLookups[bucket] = now.Lookups - _sampled.Lookups;
        series.CachePuts[bucket] = now.Puts - _sampled.Puts;
        series.CacheFailed[bucket] = now.Failed - _sampled.Failed;
        series.CacheDelay[bucket] = now.Delay - _sampled.Delay;
        series.StickEvictions[bucket] = now.StickEvictions - _sampled.StickEvictions;
        _sampled = now;
    }
}
