using ResumeSim.Model.Randomness;
using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Balancing;

/// <summary>A uniformly random live server per connection (hash of the connection's identity).</summary>
internal sealed class RandomBalancer(IReadOnlyList<ServerNode> servers, int live, ulong seed) : Balancer(servers, live)
{
    public override int Choose(in BalancerRequest request) =>
        Live((int)(CounterRandom.Hash(seed, RandomStreamIds.Balancer, (ulong)request.Client, request.ConnectionKey) % (ulong)LiveCount));
}
