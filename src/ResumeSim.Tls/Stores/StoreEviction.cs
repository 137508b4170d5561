namespace ResumeSim.Tls;

/// <summary>Which entry a full store gives up.</summary>
public enum StoreEviction
{
    /// <summary>No store at all: nothing is cached (nginx's default <c>ssl_session_cache none</c>).</summary>
    None,

    /// <summary>
    /// Oldest-created first, and a hit does not move the entry: what nginx, OpenSSL, BoringSSL and
    /// HAProxy really do (parameters.md section 1, "eviction" rows).
    /// </summary>
    Fifo,

    /// <summary>Least recently used first; a hit refreshes recency (clients; memcached-like shared caches).</summary>
    Lru,
}
