using ResumeSim.Model.Randomness;
using ResumeSim.Tls;

namespace ResumeSim.Model.Servers;

/// <summary>
/// A farm-shared session cache of K nodes (memcached or Redis, as Apache's <c>mod_socache_memcache</c>
/// or a Redis-backed session callback use): ids are spread over the nodes by consistent hashing, so
/// each id lives on exactly one node and a failed node takes only its share of ids with it. Each node
/// is one of the core's stores with its own capacity and eviction. Every operation costs the network
/// time to its node plus the wait in the node's queue: a node is one FIFO server doing
/// <c>node_ops</c> operations per second (a single-threaded event loop, as memcached's per-connection
/// worker and Redis are). The delay is added to the handshake that caused it: each operation returns
/// its delay to <see cref="Charge"/>'s caller, which adds it to <see cref="DelayTotal"/>, and a handshake's
/// share is the growth of that total across its decision (the session-store contract the core calls
/// has no place for a time).
/// </summary>
internal sealed class SharedCacheTier : IServerSessionStore
{
    // 160 points per node, as ketama (libmemcached's consistent hashing) uses, keep each node's share
    // within a few percent of 1/K.
    private const int PointsPerNode = 160;

    private readonly IServerSessionStore[] _nodes;
    private readonly bool[] _down;
    private readonly long[] _nextFree;
    private readonly ulong[] _points;
    private readonly int[] _owners;
    private readonly ulong _seed;
    private readonly long _lookupTicks;
    private readonly long _putTicks;
    private readonly long _serviceTicks;
    private readonly long _timeoutTicks;

    /// <param name="nodes">One store per node.</param>
    /// <param name="seed">Places the nodes' points on the ring.</param>
    /// <param name="lookupTicks">Network time of a get or take.</param>
    /// <param name="putTicks">Network time of a put.</param>
    /// <param name="serviceTicks">Time a node spends on one operation (1 / node_ops); 0 = no queueing.</param>
    /// <param name="timeoutTicks">Time lost on an operation against a failed node.</param>
    public SharedCacheTier(IServerSessionStore[] nodes, ulong seed, long lookupTicks, long putTicks, long serviceTicks, long timeoutTicks)
    {
        _nodes = nodes;
        _seed = seed;
        _lookupTicks = lookupTicks;
        _putTicks = putTicks;
        _serviceTicks = serviceTicks;
        _timeoutTicks = timeoutTicks;
        _down = new bool[nodes.Length];
        _nextFree = new long[nodes.Length];
        var ring = new List<(ulong Point, int Node)>(nodes.Length * PointsPerNode);
        for (var n = 0; n < nodes.Length; n++)
        {
            for (var v = 0; v < PointsPerNode; v++)
            {
                ring.Add((CounterRandom.Hash(seed, RandomStreamIds.CacheRing, (ulong)n, (ulong)v), n));
            }
        }

        ring.Sort((a, b) => a.Point.CompareTo(b.Point));
        _points = ring.Select(p => p.Point).ToArray();
        _owners = ring.Select(p => p.Node).ToArray();
    }

    public IReadOnlyList<IServerSessionStore> Nodes => _nodes;

    public bool CanCache => true;

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var node in _nodes)
            {
                count += node.Count;
            }

            return count;
        }
    }

    public long Bytes
    {
        get
        {
            long bytes = 0;
            foreach (var node in _nodes)
            {
                bytes += node.Bytes;
            }

            return bytes;
        }
    }

    /// <summary>The first node's counters; the world reads every node's own counters (they are its stores).</summary>
    public StoreCounters Counters => _nodes[0].Counters;

    /// <summary>Gets and takes sent to a node, failed ones included.</summary>
    public long Lookups { get; private set; }

    public long Puts { get; private set; }

    /// <summary>Operations sent to a failed node (a lookup then misses, a put is lost).</summary>
    public long Failed { get; private set; }

    /// <summary>Total delay the tier added to handshakes (network, queue, timeouts), ns; it only grows.</summary>
    public long DelayTotal { get; private set; }

    public bool IsDown(int node) => _down[node];

    /// <summary>The node that holds <paramref name="id"/>: the first ring point at or after its hash.</summary>
    public int NodeOf(in SessionId id)
    {
        if (_nodes.Length == 1)
        {
            return 0;
        }

        var h = CounterRandom.Hash(_seed, RandomStreamIds.CacheRing, (ulong)(uint)id.GetHashCode(), ulong.MaxValue);
        var i = Array.BinarySearch(_points, h);
        if (i < 0)
        {
            i = ~i;
        }

        return _owners[i == _points.Length ? 0 : i];
    }

    /// <summary>
    /// A node fails (its memory is lost, as a crashed memcached's is) or comes back empty. Ids keep
    /// mapping to it: clients of memcached with a static server list do not re-hash on failure.
    /// </summary>
    public void SetDown(int node, bool down, long now)
    {
        if (down && !_down[node])
        {
            _nodes[node].Flush(now);
        }

        _down[node] = down;
        _nextFree[node] = now;
    }

    /// <summary>Flushes one node (<c>flush_all</c>), or every node when <paramref name="node"/> is negative.</summary>
    public void Flush(int node, long now)
    {
        for (var n = 0; n < _nodes.Length; n++)
        {
            if (node < 0 || node == n)
            {
                _nodes[n].Flush(now);
            }
        }
    }

    public bool Put(in SessionId id, SessionState state, long now)
    {
        Puts++;
        var node = NodeOf(id);
        if (!IsUp(node))
        {
            DelayTotal += _timeoutTicks;
            return false;
        }

        DelayTotal += Charge(node, _putTicks, now);

        return _nodes[node].Put(id, state, now);
    }

    public StoreLookup TryGet(in SessionId id, long now, out SessionState? state) => Lookup(id, now, take: false, out state);

    public StoreLookup Take(in SessionId id, long now, out SessionState? state) => Lookup(id, now, take: true, out state);

    /// <summary>A lookup on the id's node: a down node costs the timeout and misses.</summary>
    private StoreLookup Lookup(in SessionId id, long now, bool take, out SessionState? state)
    {
        Lookups++;
        var node = NodeOf(id);
        if (!IsUp(node))
        {
            DelayTotal += _timeoutTicks;
            state = null;
            return StoreLookup.Miss;
        }

        DelayTotal += Charge(node, _lookupTicks, now);

        return take ? _nodes[node].Take(id, now, out state) : _nodes[node].TryGet(id, now, out state);
    }

    public void Flush(long now) => Flush(-1, now);

    /// <inheritdoc />
    public ExposureTally HeldExposure(long now)
    {
        var tally = default(ExposureTally);
        foreach (var node in _nodes)
        {
            tally = tally.Merge(node.HeldExposure(now));
        }

        return tally;
    }

    /// <summary>Whether <paramref name="node"/> is up; an operation sent to a failed one is counted and fails after the timeout.</summary>
    private bool IsUp(int node)
    {
        if (_down[node])
        {
            Failed++;
            return false;
        }

        return true;
    }

    /// <summary>
    /// The delay of one operation on a live node, sent at <paramref name="now"/> with
    /// <paramref name="networkTicks"/> of round trip: the network, plus the wait behind earlier operations.
    /// </summary>
    private long Charge(int node, long networkTicks, long now)
    {
        if (_serviceTicks <= 0)
        {
            return networkTicks;
        }

        // The node serves operations one at a time in arrival order; it is free again after this one.
        var start = Math.Max(now + (networkTicks / 2), _nextFree[node]);
        _nextFree[node] = start + _serviceTicks;
        return _nextFree[node] + (networkTicks / 2) - now;
    }
}
