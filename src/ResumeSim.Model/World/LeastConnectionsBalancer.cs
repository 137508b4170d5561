namespace ResumeSim.Model.World;

/// <summary>
/// The server with the fewest connections still in their handshake (queued or being served);
/// ties go to the lowest index after the last choice, so equal loads rotate.
/// </summary>
internal sealed class LeastConnectionsBalancer(IReadOnlyList<ServerNode> servers) : Balancer(servers)
{
    private int _start;

    public override int Choose(in BalancerRequest request)
    {
        var n = Servers.Count;
        var best = _start;
        for (var k = 1; k < n; k++)
        {
            var i = (_start + k) % n;
            if (Servers[i].ActiveHandshakes < Servers[best].ActiveHandshakes)
            {
                best = i;
            }
        }

        _start = (best + 1) % n;
        return best;
    }
}
