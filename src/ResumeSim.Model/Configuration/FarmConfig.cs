namespace ResumeSim.Model.Configuration;

/// <summary>The TLS-terminating servers and the balancer in front of them.</summary>
public sealed record FarmConfig
{
    public int Servers { get; init; } = 1;

    /// <summary>Cores per server; each core serves one handshake's CPU work at a time.</summary>
    public int Cores { get; init; } = 1;

    public BalancerKind Balancer { get; init; } = BalancerKind.RoundRobin;

    /// <summary>Entries of the session-sticky balancer's stick table (HAProxy <c>stick-table size 30k</c>).</summary>
    public int StickTableSize { get; init; } = 30_000;

    /// <summary>Idle time after which a stick-table entry is forgotten (HAProxy <c>expire 30m</c>).</summary>
    public TimeSpan StickTableExpiry { get; init; } = TimeSpan.FromMinutes(30);
}
