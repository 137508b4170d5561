namespace ResumeSim.Model.World;

internal sealed class RoundRobinBalancer(IReadOnlyList<ServerNode> servers) : Balancer(servers)
{
    private int _next;

    public override int Choose(in BalancerRequest request)
    {
        var server = _next;
        _next = (_next + 1) % Servers.Count;
        return server;
    }
}
