namespace ResumeSim.Model.Configuration;

public enum StoreScope
{
    /// <summary>Each server has its own cache (nginx, OpenSSL, HAProxy out of the box).</summary>
    PerServer,

    /// <summary>One cache for the farm (memcached/redis-like), reached over the network.</summary>
    Shared,

    /// <summary>
    /// Each worker process of each server has its own cache: OpenSSL's internal cache lives in one
    /// process's SSL_CTX, and so does nginx's <c>ssl_session_cache builtin</c> (parameters.md section 6,
    /// "per-process caches"); only a <c>shared:</c> zone is shared by a server's workers.
    /// </summary>
    PerWorker,
}
