using ResumeSim.Model.Randomness;
using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Balancing;

/// <summary>Source-IP hash modulo the live server count: a client lands on the same server while the farm does not change.</summary>
internal sealed class SourceHashBalancer(IReadOnlyList<ServerNode> servers, int live, ulong seed) : Balancer(servers, live)
{
    public override int Choose(in BalancerRequest request) =>
        Live((int)(CounterRandom.Hash(seed, RandomStreamIds.Balancer, (ulong)request.Client, 0) % (ulong)LiveCount));

    public override bool TryPredict(in BalancerRequest request, out int server)
    {
        server = Choose(request);
        return true;
    }
}
