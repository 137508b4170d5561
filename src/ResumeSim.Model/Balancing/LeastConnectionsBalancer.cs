using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Balancing;

/// <summary>
/// The server with the fewest connections still in their handshake (queued or being served);
/// ties go to the lowest index after the last choice, so equal loads rotate.
/// </summary>
internal sealed class LeastConnectionsBalancer(IReadOnlyList<ServerNode> servers, int live) : Balancer(servers, live)
{
    private int _start;

    public override bool CountsHandshakesInFlight => true;

    public override int Choose(in BalancerRequest request)
    {
        var n = LiveCount;
        _start %= n;
        var best = _start;
        for (var k = 1; k < n; k++)
        {
            var i = (_start + k) % n;
            if (Servers[Live(i)].ActiveHandshakes < Servers[Live(best)].ActiveHandshakes)
            {
                best = i;
            }
        }

        _start = (best + 1) % n;
        return Live(best);
    }
}
