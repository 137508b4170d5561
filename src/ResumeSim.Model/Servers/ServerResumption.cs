using ResumeSim.Tls;

namespace ResumeSim.Model.Servers;

/// <summary>
/// A server's resumption state: one <see cref="TlsServerState"/> per worker process when its session
/// cache lives in each process (<c>store: per-worker</c>), otherwise one for the whole server, with the
/// stores and the key ring they use (possibly farm-shared; the key ring is the server's, as nginx's
/// workers inherit the SSL_CTX and its ticket keys from the master process).
/// </summary>
internal sealed class ServerResumption
{
    private readonly TlsServerState[] _workers;

    public ServerResumption(TlsServerState[] workers, TicketRotator? rotator)
    {
        _workers = workers;
        Rotator = rotator;
    }

    public TicketRotator? Rotator { get; }

    /// <summary>The stores of this server, one per worker state (the same store for all when it is not per worker).</summary>
    public IEnumerable<IServerSessionStore> Stores
    {
        get
        {
            foreach (var worker in _workers)
            {
                yield return worker.Store;
            }
        }
    }

    /// <summary>The state that serves a connection taken by worker <paramref name="worker"/>.</summary>
    public TlsServerState For(int worker) => _workers.Length == 1 ? _workers[0] : _workers[worker];

    /// <summary>Empties every store of this server (a restart or a flush fault).</summary>
    public void FlushStores(long now)
    {
        foreach (var worker in _workers)
        {
            worker.Store.Flush(now);
        }
    }
}
