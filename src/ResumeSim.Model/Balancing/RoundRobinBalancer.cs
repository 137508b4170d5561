using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Balancing;

internal sealed class RoundRobinBalancer(IReadOnlyList<ServerNode> servers, int live) : Balancer(servers, live)
{
    private int _next;

    public override int Choose(in BalancerRequest request)
    {
        if (_next >= LiveCount)
        {
            _next = 0;
        }

        var server = Live(_next);
        _next = (_next + 1) % LiveCount;
        return server;
    }
}
