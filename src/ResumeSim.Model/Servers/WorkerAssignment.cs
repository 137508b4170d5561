using ResumeSim.Model.Randomness;

namespace ResumeSim.Model.Servers;

/// <summary>
/// Decides which worker process of its server takes a connection, for session caches that live in each
/// worker (<c>store: per-worker</c>).
/// </summary>
/// <remarks>
/// With <c>farm.reuseport</c> each worker has its own socket and the kernel picks one by a hash of the
/// connection's addresses and ports, new for each connection (its ephemeral port), so workers are drawn
/// uniformly per connection, as a pure hash of the connection; otherwise the workers share one socket and
/// take runs of 16 connections in turn (<see cref="ExclusiveAccept"/>).
/// </remarks>
internal sealed class WorkerAssignment
{
    private readonly ulong _seed;

    /// <summary>Per server, the shared socket's accept order; null with one worker or <c>reuseport</c>.</summary>
    private readonly ExclusiveAccept?[]? _accepts;

    /// <param name="workers">Workers whose stores are apart (1 when the stores are per server, shared, or there is one worker).</param>
    /// <param name="reuseport">Whether each worker has its own listening socket.</param>
    /// <param name="maxServers">Servers the farm may ever hold.</param>
    /// <param name="seed">The replication's seed, for the per-connection hash.</param>
    public WorkerAssignment(int workers, bool reuseport, int maxServers, ulong seed)
    {
        Count = workers;
        _seed = seed;
        _accepts = workers > 1 && !reuseport ? new ExclusiveAccept?[maxServers] : null;
    }

    /// <summary>Workers per server whose stores are apart.</summary>
    public int Count { get; }

    /// <summary>The worker of <paramref name="server"/> that accepts the connection (<paramref name="client"/>, <paramref name="drawKey"/>), which has just reached it.</summary>
    public ushort Accept(int server, int client, ulong drawKey)
    {
        if (Count == 1)
        {
            return 0;
        }

        return (ushort)(_accepts is null ? Hashed(client, drawKey) : AcceptQueue(server).Next());
    }

    /// <summary>The worker a connection about to reach <paramref name="server"/> will get, for prefetching; changes nothing.</summary>
    public int Predict(int server, int client, ulong drawKey) =>
        Count == 1 ? 0 : _accepts is null ? Hashed(client, drawKey) : AcceptQueue(server).Peek;

    /// <summary>A restarted server has new workers, registered in order again.</summary>
    public void Reset(int server)
    {
        if (_accepts is not null)
        {
            _accepts[server] = null;
        }
    }

    /// <summary>Worker <paramref name="worker"/> of <paramref name="server"/>, numbered over the farm.</summary>
    public int WorkerIndex(int server, int worker) => (server * Count) + worker;

    private int Hashed(int client, ulong drawKey) =>
        (int)(CounterRandom.Hash(_seed, RandomStreamIds.Worker, (ulong)client, drawKey) % (ulong)Count);

    private ExclusiveAccept AcceptQueue(int server) => _accepts![server] ??= new ExclusiveAccept(Count);
}
