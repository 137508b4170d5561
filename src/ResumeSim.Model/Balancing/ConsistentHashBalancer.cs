using ResumeSim.Model.Randomness;
using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Balancing;

/// <summary>
/// A hash ring with virtual nodes: a client maps to the first server point at or after its hash.
/// Unlike modulo hashing, adding or removing a server moves only about 1/n of the clients. Every
/// server the farm may ever hold has its points from the start; a point of a server that is not
/// live is passed over, so the ring of the live servers is what is used.
/// </summary>
internal sealed class ConsistentHashBalancer : Balancer
{
    private const int PointsPerServer = 160;
    private readonly ulong[] _points;
    private readonly int[] _owners;
    private readonly ulong _seed;

    public ConsistentHashBalancer(IReadOnlyList<ServerNode> servers, int live, ulong seed)
        : base(servers, live)
    {
        _seed = seed;
        var ring = new List<(ulong Point, int Server)>(servers.Count * PointsPerServer);
        for (var s = 0; s < servers.Count; s++)
        {
            for (var v = 0; v < PointsPerServer; v++)
            {
                ring.Add((CounterRandom.Hash(seed, RandomStreamIds.Balancer, (ulong)s, (ulong)v + 1_000_000), s));
            }
        }

        ring.Sort((a, b) => a.Point.CompareTo(b.Point));
        _points = new ulong[ring.Count];
        _owners = new int[ring.Count];
        for (var i = 0; i < ring.Count; i++)
        {
            (_points[i], _owners[i]) = ring[i];
        }
    }

    public override int Choose(in BalancerRequest request)
    {
        var h = CounterRandom.Hash(_seed, RandomStreamIds.Balancer, (ulong)request.Client, 0);
        var i = Array.BinarySearch(_points, h);
        if (i < 0)
        {
            i = ~i;
        }

        for (var k = 0; k < _points.Length; k++, i++)
        {
            var owner = _owners[i >= _points.Length ? i - _points.Length : i];
            if ((owner < LiveCount && Live(owner) == owner) || IsLive(owner))
            {
                return owner;
            }
        }

        return Live(0);
    }
}
