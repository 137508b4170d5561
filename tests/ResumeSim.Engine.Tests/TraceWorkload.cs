using System.Security.Cryptography;
using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

/// <summary>
/// A small client/server-like workload whose event trace is hashed: clients with their own
/// streams visit at random times, open a random number of connections (many at the same tick,
/// to exercise ties) and a server completes them after a random service time.
/// </summary>
internal sealed class TraceWorkload : IEventHandler
{
    private const int Visit = 0;
    private const int Connect = 1;
    private const int Done = 2;

    private readonly Simulation _sim;
    private readonly RandomStream[] _clients;
    private readonly RandomStream _server;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _record = new byte[16];

    public TraceWorkload(Simulation sim, ulong seed, int clients)
    {
        _sim = sim;
        var streams = new RandomStreams(seed);
        _server = streams.Get("server");
        _clients = new RandomStream[clients];
        for (int i = 0; i < clients; i++)
        {
            _clients[i] = streams.Get("client", i);
            sim.Schedule(SimTime.FromMilliseconds(_clients[i].Next(0, 50)), Visit, i);
        }

        sim.Register(Visit, this);
        sim.Register(Connect, this);
        sim.Register(Done, this);
    }

    public string Run(long until)
    {
        _sim.Run(until);
        return Convert.ToHexString(_hash.GetHashAndReset());
    }

    public void Handle(in Event e)
    {
        BitConverter.TryWriteBytes(_record.AsSpan(0, 8), e.Time);
        BitConverter.TryWriteBytes(_record.AsSpan(8, 4), e.Kind);
        BitConverter.TryWriteBytes(_record.AsSpan(12, 4), e.Target);
        _hash.AppendData(_record);

        var rng = _clients[e.Target];
        switch (e.Kind)
        {
            case Visit:
                int connections = rng.Next(1, 7);
                long rtt = SimTime.FromMilliseconds(rng.Next(5, 80));
                for (int c = 0; c < connections; c++)
                {
                    _sim.ScheduleIn(rtt, Connect, e.Target, c);
                }

                _sim.ScheduleIn(SimTime.FromSeconds(rng.NextExponential(1.0 / 30)), Visit, e.Target);
                break;
            case Connect:
                _sim.ScheduleIn(SimTime.FromMilliseconds(MathNet.Numerics.Distributions.LogNormal.Sample(_server, 0, 0.5)), Done, e.Target, e.Arg);
                break;
            default:
                break;
        }
    }
}
