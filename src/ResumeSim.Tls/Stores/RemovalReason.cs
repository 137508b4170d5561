namespace ResumeSim.Tls;

/// <summary>
/// Why an entry left a session store. Every removal carries one, as
/// Microsoft.Extensions.Caching.Memory's <c>EvictionReason</c> does, so capacity planning can tell
/// "too small" (evictions) from "too short" (expirations).
/// </summary>
public enum RemovalReason
{
    /// <summary>Past its timeout, found on lookup or swept on insert.</summary>
    Expired,

    /// <summary>Dropped to make room although still valid (nginx drops the oldest when its zone is full).</summary>
    EvictedForCapacity,

    /// <summary>Overwritten by a put under the same id.</summary>
    Replaced,

    /// <summary>Cleared by <see cref="IServerSessionStore.Flush"/> (restart, flush_all on a cache node).</summary>
    Flushed,

    /// <summary>Removed by <see cref="IServerSessionStore.Take"/> (single-use TLS 1.3 stateful tickets).</summary>
    Taken,
}
