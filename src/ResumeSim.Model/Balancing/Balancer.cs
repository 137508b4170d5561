using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Balancing;

/// <summary>
/// Picks the server for a new connection when its ClientHello arrives. Choices that need chance
/// hash the connection's identity (client, visit, connection) instead of drawing from a shared
/// generator, so every strategy sends the same connection to the same server where the policy
/// allows it (common random numbers). Only live servers are chosen: a server that is down (a
/// restart) or not in the farm (before a scale-out, after a scale-in) is skipped, as a balancer's
/// health check takes it out of rotation.
/// </summary>
internal abstract class Balancer
{
    private int[] _live;

    protected Balancer(IReadOnlyList<ServerNode> servers, int initiallyLive)
    {
        Servers = servers;
        _live = new int[initiallyLive];
        for (var i = 0; i < initiallyLive; i++)
        {
            _live[i] = i;
        }
    }

    protected IReadOnlyList<ServerNode> Servers { get; }

    /// <summary>How many servers take connections now.</summary>
    protected int LiveCount => _live.Length;

    public abstract int Choose(in BalancerRequest request);

    /// <summary>The <paramref name="k"/>-th live server, in index order.</summary>
    protected int Live(int k) => _live[k];

    /// <summary>
    /// Whether <see cref="Choose"/> reads how many handshakes each server has in flight
    /// (<see cref="ServerNode.ActiveHandshakes"/>): only then must a handshake's completion be counted
    /// at its moment.
    /// </summary>
    public virtual bool CountsHandshakesInFlight => false;

    /// <summary>Told after every full handshake that issued a session ID (session stickiness learns from it).</summary>
    public virtual void OnSessionIssued(in SessionId id, int server, long now)
    {
    }

    /// <summary>The set of live servers changed: modulo policies re-hash, rings skip the missing.</summary>
    public void SetLive(IReadOnlyList<int> live)
    {
        _live = [.. live];
        OnMembershipChanged();
    }

    public bool IsLive(int server) => Array.IndexOf(_live, server) >= 0;

    protected virtual void OnMembershipChanged()
    {
    }

    public static Balancer Create(FarmConfig farm, IReadOnlyList<ServerNode> servers, ulong seed) => farm.Balancer switch
    {
        BalancerKind.RoundRobin => new RoundRobinBalancer(servers, farm.Servers),
        BalancerKind.Random => new RandomBalancer(servers, farm.Servers, seed),
        BalancerKind.LeastConnections => new LeastConnectionsBalancer(servers, farm.Servers),
        BalancerKind.SourceHash => new SourceHashBalancer(servers, farm.Servers, seed),
        BalancerKind.ConsistentHash => new ConsistentHashBalancer(servers, farm.Servers, seed),
        BalancerKind.SessionSticky => new SessionStickyBalancer(
            servers, farm.Servers, new RoundRobinBalancer(servers, farm.Servers), farm.StickTableSize, SimTime.FromTimeSpan(farm.StickTableExpiry)),
        _ => throw new ArgumentOutOfRangeException(nameof(farm), farm.Balancer, "unknown balancer"),
    };
}
