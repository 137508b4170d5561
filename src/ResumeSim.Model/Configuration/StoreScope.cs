namespace ResumeSim.Model.Configuration;

public enum StoreScope
{
    /// <summary>Each server has its own cache (nginx, OpenSSL, HAProxy out of the box).</summary>
    PerServer,

    /// <summary>One cache for the farm (memcached/redis-like), reached over the network.</summary>
    Shared,
}
