namespace ResumeSim.Model.Servers;

/// <summary>
/// Owns the farm's servers: which exist and which are live, and what each loses when it restarts or its
/// keys desync (the operations faults act through).
/// </summary>
internal sealed class Farm
{
    private readonly ResumptionSetup _setup;
    private readonly int _cores;
    private readonly ServerNode[] _servers;
    private readonly int[] _incarnations;

    /// <summary>Restarts of each server so far, so that a session lost with a restart can be told from one evicted.</summary>
    private readonly int[] _restarts;
    private readonly List<int> _live = [];

    /// <param name="setup">Builds each server's resumption state.</param>
    /// <param name="workers">Which worker takes a connection; a restart resets it.</param>
    /// <param name="servers">Servers at the start; servers that join by a scale-out are made when they join.</param>
    /// <param name="maxServers">Servers the farm may ever hold.</param>
    /// <param name="cores">Cores per server.</param>
    /// <param name="ringsFrom">When the servers' key rings start (negative for a stationary tickets start).</param>
    public Farm(ResumptionSetup setup, WorkerAssignment workers, int servers, int maxServers, int cores, long ringsFrom)
    {
        _setup = setup;
        Workers = workers;
        _cores = cores;
        _servers = new ServerNode[maxServers];
        _incarnations = new int[maxServers];
        _restarts = new int[maxServers];
        for (var i = 0; i < servers; i++)
        {
            _servers[i] = NewServer(i, ringsFrom);
            _live.Add(i);
        }

        Created = servers;
    }

    /// <summary>Every server slot, those not yet created null (the balancers index it).</summary>
    public ServerNode[] Nodes => _servers;

    public WorkerAssignment Workers { get; }

    /// <summary>Servers made so far (the initial ones and every scale-out's).</summary>
    public int Created { get; private set; }

    /// <summary>The servers that take connections now, in index order.</summary>
    public List<int> Live => _live;

    public ServerNode this[int server] => _servers[server];

    /// <summary>How many times <paramref name="server"/> has restarted.</summary>
    public int Restarts(int server) => _restarts[server];

    /// <summary>A new server joins (a scale-out) and is live; returns its index.</summary>
    public int Add(long now)
    {
        var index = Created++;
        _servers[index] = NewServer(index, now);
        SetLive(index, true);
        return index;
    }

    /// <summary>Puts <paramref name="server"/> into rotation or takes it out.</summary>
    public void SetLive(int server, bool live)
    {
        if (live)
        {
            var at = _live.BinarySearch(server);
            _live.Insert(at < 0 ? ~at : at, server);
        }
        else
        {
            _live.Remove(server);
        }
    }

    /// <summary>
    /// A restarted process loses what it held in memory: its own session store and its own ticket
    /// keys (a desynced ring included). Farm-shared state lives elsewhere and survives; a booting
    /// server reads the farm's current keys.
    /// </summary>
    public void Restart(int index, long now)
    {
        if (index >= Created)
        {
            return;
        }

        _incarnations[index]++;
        _restarts[index]++;
        var server = _servers[index];
        server.KeyFeed = _setup.DistributedKeys;
        if (_setup.PerServerStores)
        {
            server.Resumption.FlushStores(now);
        }

        if (server.Resumption.Rotator is { } ring && !_setup.IsFarmRing(ring))
        {
            ring.Clear(now);
        }

        server.Resumption = _setup.CreateServer(index, _incarnations[index], now);
        Workers.Reset(index);
    }

    /// <summary>
    /// A key desync starts (<paramref name="own"/>: the server loads a key file of its own, so tickets it
    /// seals open nowhere else and it cannot open the farm's, and farm keys stop reaching it) or heals.
    /// The ring it drops is erased from its memory unless it is the one ring the whole farm shares.
    /// </summary>
    public void Desync(int index, bool own, long now)
    {
        var server = _servers[index];
        server.KeyFeed = own ? null : _setup.DistributedKeys;
        var dropped = server.Resumption.Rotator;
        server.Resumption = _setup.WithRing(server.Resumption, index, ++_incarnations[index], own, now);
        if (dropped is not null && !ReferenceEquals(dropped, server.Resumption.Rotator) && !_setup.IsFarmRing(dropped))
        {
            dropped.Clear(now);
        }
    }

    private ServerNode NewServer(int index, long now) =>
        new(index, _cores, _setup.CreateServer(index, 0, now)) { KeyFeed = _setup.DistributedKeys };
}
