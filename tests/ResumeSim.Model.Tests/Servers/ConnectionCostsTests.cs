using ResumeSim.Model.Configuration;
using ResumeSim.Model.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Servers;

/// <summary>What a connection's handshake costs its core, by outcome, from the cost profile.</summary>
public sealed class ConnectionCostsTests
{
    [Fact]
    public void HandshakeTicks_FullIssuingAnId_IsTheFullPricePlusOneStoreInsert_ResumedIsTheResumedPricePlusOneLookup()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Ids()) with { Costs = CostProfile.Default };
        var costs = new ConnectionCosts(scenario, TestScenarios.Ids(), FarmParts.Seed);
        var (full, resumed) = FarmParts.FullThenResumed(scenario, TestScenarios.Ids());
        var profile = scenario.Costs;
        var version = scenario.Protocol.Version;
        var certificate = scenario.Protocol.Certificate;
        profile.TryGetKeyExchangeMicros(scenario.Protocol.KeyExchange, out var keyExchange);

        Assert.Equal(HandshakeOutcome.Full, full.Outcome);
        Assert.Equal(HandshakeOutcome.ResumedById, resumed.Outcome);
        Assert.Equal(
            Math.Round(profile.HandshakeMicros(version, certificate, CostedHandshake.Full) * 1000) + Math.Round(keyExchange * 1000) + Math.Round(profile.StoreOperationMicros * 1000),
            costs.HandshakeTicks(full));
        Assert.Equal(
            Math.Round(profile.HandshakeMicros(version, certificate, CostedHandshake.Resumed) * 1000) + Math.Round(profile.StoreOperationMicros * 1000),
            costs.HandshakeTicks(resumed));
        Assert.True(costs.HandshakeTicks(full) > costs.HandshakeTicks(resumed));
        Assert.Equal(Math.Round(profile.ConnectionMicros * 1000), costs.ConnectionTicks);
    }

    [Fact]
    public void ServiceTicks_FixedProfile_IsThePrice()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Ids()) with { Costs = CostProfile.Fixed(100) };
        var costs = new ConnectionCosts(scenario, TestScenarios.Ids(), FarmParts.Seed);
        var (full, _) = FarmParts.FullThenResumed(scenario, TestScenarios.Ids());

        Assert.Equal(100_000, costs.ServiceTicks(full, client: 3, drawKey: 5));
    }

    [Fact]
    public void ServiceTicks_ExponentialProfile_IsAPureDrawPerConnectionWithThePriceAsMean()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Ids()) with { Costs = CostProfile.Exponential(100) };
        var costs = new ConnectionCosts(scenario, TestScenarios.Ids(), FarmParts.Seed);
        var (full, _) = FarmParts.FullThenResumed(scenario, TestScenarios.Ids());

        double sum = 0;
        const int n = 20_000;
        for (var client = 0; client < n; client++)
        {
            var ticks = costs.ServiceTicks(full, client, drawKey: 1);
            Assert.Equal(ticks, costs.ServiceTicks(full, client, drawKey: 1));
            sum += ticks;
        }

        Assert.InRange(sum / n, 97_000, 103_000);
        Assert.NotEqual(costs.ServiceTicks(full, 0, 1), costs.ServiceTicks(full, 0, 2));
    }
}
