namespace ResumeSim.Model.World;

/// <summary>A uniformly random server per connection (hash of the connection's identity).</summary>
internal sealed class RandomBalancer(IReadOnlyList<ServerNode> servers, ulong seed) : Balancer(servers)
{
    public override int Choose(in BalancerRequest request) =>
        (int)(CounterRandom.Hash(seed, RandomStreamIds.Balancer, (ulong)request.Client, request.ConnectionKey) % (ulong)Servers.Count);
}
