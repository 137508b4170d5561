using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

public sealed class HandshakeLatencyTests
{
    [Fact]
    public void Tls12_WithFixedRttAndNoCpuCost_FullTakesThreeRttAndResumedTwo()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Ids(), clients: 200, visitsPerHour: 30);
        var world = new ResumptionWorld(scenario, scenario.Strategies[0], replication: 0);
        var latencies = new Dictionary<HandshakeOutcome, HashSet<long>>();
        world.Observer = r =>
        {
            if (!latencies.TryGetValue(r.Outcome, out var set))
            {
                latencies[r.Outcome] = set = [];
            }

            set.Add(r.Done - r.Start);
        };

        world.Run(0, 0);

        const long rtt = 40_000_000;
        Assert.Equal([3 * rtt], latencies[HandshakeOutcome.Full]);
        Assert.Equal([2 * rtt], latencies[HandshakeOutcome.ResumedById]);
    }

    [Fact]
    public void Tickets_WithFixedRttAndNoCpuCost_ResumeInTwoRtt()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Tickets(), clients: 200, visitsPerHour: 30);
        var world = new ResumptionWorld(scenario, scenario.Strategies[0], replication: 0);
        var resumed = new HashSet<long>();
        world.Observer = r =>
        {
            if (r.Outcome == HandshakeOutcome.ResumedByTicket)
            {
                resumed.Add(r.Done - r.Start);
            }
        };

        world.Run(0, 0);

        Assert.Equal([80_000_000L], resumed);
    }
}
