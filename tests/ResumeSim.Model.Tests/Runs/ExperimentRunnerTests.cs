using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Runs;

public sealed class ExperimentRunnerTests
{
    private static readonly ScenarioConfig Scenario = TestScenarios.OneServer(TestScenarios.Ids(capacity: 300), clients: 1500, visitsPerHour: 20) with
    {
        Replications = 2,
        Farm = new FarmConfig { Servers = 3, Cores = 1, Balancer = BalancerKind.Random },
        Costs = CostProfile.Default,
        Strategies = [TestScenarios.Ids(capacity: 300), TestScenarios.Tickets(), TestScenarios.Tickets(KeyScope.PerServer), TestScenarios.Off()],
    };

    [Fact]
    public void Run_GivesTheSameResults_WhateverTheThreadCount()
    {
        var one = ExperimentRunner.Run([Scenario], threads: 1);
        var two = ExperimentRunner.Run([Scenario], threads: 2);

        Assert.Equal(Fingerprint(one), Fingerprint(two));
    }

    [Fact]
    public void Run_GivesEveryStrategyTheSameVisits()
    {
        // Common random numbers: the visits (and so the connections) do not depend on the strategy.
        var results = ExperimentRunner.Run([Scenario]).Where(r => r.Replication == 0).ToList();

        Assert.Single(results.Select(r => r.Connections).Distinct());
        Assert.Single(results.Select(r => r.Series.Sum(b => b.Arrivals)).Distinct());
    }

    [Fact]
    public void Replications_Differ()
    {
        var results = ExperimentRunner.Run([Scenario with { Strategies = [TestScenarios.Off()] }]);

        Assert.NotEqual(results[0].Connections, results[1].Connections);
    }

    [Fact]
    public void CpuCost_IsChargedFromTheProfile()
    {
        var results = ExperimentRunner.Run([Scenario with { Replications = 1 }]);
        var off = results.Single(r => r.Strategy == "off");
        var ids = results.Single(r => r.Strategy == "ids");

        // Every connection of "off" is the base plus a full TLS 1.2 ECDSA handshake, with no ticket or store operation.
        var d = CostProfile.Default;
        var full = d.ConnectionMicros + d.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.EcdsaP256, CostedHandshake.Full);
        Assert.Equal(off.Connections * full * 1e-6, off.CpuCoreSeconds, 0.02 * off.CpuCoreSeconds);
        Assert.Equal(off.Connections * d.ConnectionMicros * 1e-6, off.CpuCoreSeconds - off.CpuHandshakeCoreSeconds, 0.02 * off.CpuCoreSeconds);
        Assert.True(ids.CpuCoreSeconds < off.CpuCoreSeconds);
    }

    private static string Fingerprint(IReadOnlyList<StrategyRunResult> results) => string.Join("\n", results.Select(r =>
        $"{r.Strategy} {r.Replication} {r.Connections} {r.Full} {r.ResumedById} {r.ResumedByTicket} {r.Handshake.PercentileMs(99):R} " +
        $"{r.Page.PercentileMs(50):R} {r.CpuCoreSeconds:R} {r.CpuUtilPeak:R} {r.StorePeakEntries} {r.Evictions} {r.TicketsIssued} {r.QueueWait.MeanMs:R}"));
}
