namespace ResumeSim.Tls;

/// <summary>Result of a client session cache lookup.</summary>
public enum ClientLookup
{
    /// <summary>A usable session was returned.</summary>
    Hit,

    /// <summary>Nothing cached for this origin (never, evicted, or TLS 1.3 tickets used up).</summary>
    Miss,

    /// <summary>Sessions were cached but all had expired; they were removed.</summary>
    Expired,
}
