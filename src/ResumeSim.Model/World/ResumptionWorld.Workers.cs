using ResumeSim.Model.Randomness;
using ResumeSim.Model.Servers;

namespace ResumeSim.Model.World;

/// <summary>
/// Which worker process of its server takes a connection, for session caches that live in each worker
/// (<c>store: per-worker</c>): with <c>farm.reuseport</c> each worker has its own socket and the kernel
/// picks one by a hash of the connection's addresses and ports, new for each connection (its ephemeral
/// port), so workers are drawn uniformly per connection, as a pure hash of the connection; otherwise the
/// workers share one socket and take runs of 16 connections in turn (<see cref="ExclusiveAccept"/>).
/// </summary>
internal sealed partial class ResumptionWorld
{
    /// <summary>Workers whose stores are apart (1 when the stores are per server, shared, or there is one worker).</summary>
    private readonly int _workers;

    /// <summary>Per server, the shared socket's accept order; null with one worker or <c>reuseport</c>.</summary>
    private readonly ExclusiveAccept?[]? _accepts;

    /// <summary>The worker of <paramref name="server"/> that accepts <paramref name="c"/>, which has just reached it.</summary>
    private ushort AcceptWorker(in Connection c, int server)
    {
        if (_workers == 1)
        {
            return 0;
        }

        return (ushort)(_accepts is null ? HashedWorker(c) : AcceptQueue(server).Next());
    }

    /// <summary>The worker a connection about to reach <paramref name="server"/> will get, for prefetching.</summary>
    private int PredictWorker(in Connection c, int server) =>
        _workers == 1 ? 0 : _accepts is null ? HashedWorker(c) : AcceptQueue(server).Peek;

    private int HashedWorker(in Connection c) =>
        (int)(CounterRandom.Hash(_seed, RandomStreamIds.Worker, (ulong)c.Client, c.DrawKey) % (ulong)_workers);

    private ExclusiveAccept AcceptQueue(int server) => _accepts![server] ??= new ExclusiveAccept(_workers);

    /// <summary>A restarted server has new workers, registered in order again.</summary>
    private void ResetAcceptQueue(int server)
    {
        if (_accepts is not null)
        {
            _accepts[server] = null;
        }
    }

    // _issuedBy packs the issuing worker (server * workers + worker) in its low 24 bits and the server's
    // restarts so far (mod 128) above them; -1 when the client holds nothing from the host.
    private const int IssuerBits = 24;

    /// <summary>Worker <paramref name="worker"/> of <paramref name="server"/>, numbered over the farm.</summary>
    private int WorkerIndex(int server, int worker) => (server * _workers) + worker;

    /// <summary>What <c>_issuedBy</c> records for a session issued by <paramref name="worker"/> of <paramref name="server"/>.</summary>
    private int IssuerOf(int server, int worker) => ((_restarts[server] & 0x7F) << IssuerBits) | WorkerIndex(server, worker);

    /// <summary>The issuing worker of an <c>_issuedBy</c> value, or -1 for none.</summary>
    private static int IssuingWorker(int issued) => issued < 0 ? -1 : issued & ((1 << IssuerBits) - 1);

    /// <summary>Whether server <paramref name="server"/> has restarted since it issued <paramref name="issued"/>.</summary>
    private bool RestartedSince(int issued, int server) => issued >= 0 && (issued >> IssuerBits) != (_restarts[server] & 0x7F);
}
