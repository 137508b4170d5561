using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>
/// Picks the server for a new connection when its ClientHello arrives. Choices that need chance
/// hash the connection's identity (client, visit, connection) instead of drawing from a shared
/// generator, so every strategy sends the same connection to the same server where the policy
/// allows it (common random numbers).
/// </summary>
internal abstract class Balancer
{
    protected Balancer(IReadOnlyList<ServerNode> servers) => Servers = servers;

    protected IReadOnlyList<ServerNode> Servers { get; }

    public abstract int Choose(in BalancerRequest request);

    /// <summary>Told after every full handshake that issued a session ID (session stickiness learns from it).</summary>
    public virtual void OnSessionIssued(in SessionId id, int server, long now)
    {
    }

    public static Balancer Create(BalancerKind kind, IReadOnlyList<ServerNode> servers, ulong seed) => kind switch
    {
        BalancerKind.RoundRobin => new RoundRobinBalancer(servers),
        BalancerKind.Random => new RandomBalancer(servers, seed),
        BalancerKind.LeastConnections => new LeastConnectionsBalancer(servers),
        BalancerKind.SourceHash => new SourceHashBalancer(servers, seed),
        BalancerKind.ConsistentHash => new ConsistentHashBalancer(servers, seed),
        BalancerKind.SessionSticky => new SessionStickyBalancer(servers, new RoundRobinBalancer(servers)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown balancer"),
    };
}
