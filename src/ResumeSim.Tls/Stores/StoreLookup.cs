namespace ResumeSim.Tls;

/// <summary>Result of a server session store lookup.</summary>
public enum StoreLookup
{
    /// <summary>Found and still within its timeout.</summary>
    Hit,

    /// <summary>Not in the store, and not among the recent removals it remembers (never stored here, or long gone).</summary>
    Miss,

    /// <summary>Not in the store: evicted for room while still valid, or never stored because the store was full.</summary>
    Evicted,

    /// <summary>Not in the store: it expired and was swept before this lookup.</summary>
    Swept,

    /// <summary>Not in the store: the store was flushed (a restart, a cache node's flush_all) after it was put.</summary>
    Flushed,

    /// <summary>Found but past its timeout; it has been removed with <see cref="RemovalReason.Expired"/>.</summary>
    Expired,
}
