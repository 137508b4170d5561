namespace ResumeSim.Tls;

/// <summary>Result of a server session store lookup.</summary>
public enum StoreLookup
{
    /// <summary>Found and still within its timeout.</summary>
    Hit,

    /// <summary>Not in the store (never stored, lost, evicted or already taken).</summary>
    Miss,

    /// <summary>Found but past its timeout; it has been removed with <see cref="RemovalReason.Expired"/>.</summary>
    Expired,
}
