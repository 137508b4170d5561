using ResumeSim.Model.Randomness;
using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Balancing;

/// <summary>Source-IP hash modulo the live server count: a client lands on the same server while the farm does not change.</summary>
/// <remarks><see cref="Choose"/> is a pure function of the request and the live set, so it may also be asked ahead of time (a prefetch hint).</remarks>
internal sealed class SourceHashBalancer(IReadOnlyList<ServerNode> servers, int live, ulong seed) : Balancer(servers, live)
{
    public override int Choose(in BalancerRequest request) =>
        Live((int)(CounterRandom.Hash(seed, RandomStreamIds.Balancer, (ulong)request.Client, 0) % (ulong)LiveCount));
}
