namespace ResumeSim.Model.Configuration;

/// <summary>The TLS-terminating servers and the balancer in front of them.</summary>
public sealed record FarmConfig
{
    public int Servers { get; init; } = 1;

    /// <summary>Cores per server; each core serves one handshake's CPU work at a time.</summary>
    public int Cores { get; init; } = 1;

    public BalancerKind Balancer { get; init; } = BalancerKind.RoundRobin;
}
