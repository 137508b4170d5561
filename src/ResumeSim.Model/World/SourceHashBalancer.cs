namespace ResumeSim.Model.World;

/// <summary>Source-IP hash modulo the server count: a client always lands on the same server.</summary>
internal sealed class SourceHashBalancer(IReadOnlyList<ServerNode> servers, ulong seed) : Balancer(servers)
{
    public override int Choose(in BalancerRequest request) =>
        (int)(CounterRandom.Hash(seed, RandomStreamIds.Balancer, (ulong)request.Client, 0) % (ulong)Servers.Count);
}
