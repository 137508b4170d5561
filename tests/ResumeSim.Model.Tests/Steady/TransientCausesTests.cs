using ResumeSim.Model.Configuration;
using ResumeSim.Model.Steady;

namespace ResumeSim.Model.Tests.Steady;

/// <summary>The likely causes a warning names: the time scales of the scenario that outlast the warm-up.</summary>
public sealed class TransientCausesTests
{
    [Fact]
    public void StaleSessions_NameTheClientLifetimeAgainstTheServerTimeout()
    {
        var scenario = StaleSessionScenario.Create(TimeSpan.FromMinutes(2));

        var causes = TransientCauses.For(scenario, scenario.Strategies[0], SteadyMetric.ResumptionRate, TimeSpan.FromMinutes(2));

        Assert.Contains(causes, c => c.StartsWith("client session lifetime: chrome keeps a session 1h, the server accepts it for 5m", StringComparison.Ordinal));
        Assert.Contains(causes, c => c.StartsWith("revisit gap: clients come back every 15m on average", StringComparison.Ordinal));
    }

    [Fact]
    public void StoreEntries_NameTheCacheFillingWithItsCapacity()
    {
        var scenario = StaleSessionScenario.Create(TimeSpan.FromHours(3));

        var causes = TransientCauses.For(scenario, scenario.Strategies[0], SteadyMetric.StoreEntries, TimeSpan.FromHours(3));

        Assert.Equal(["cache filling: the store holds 20,000 entries and keeps a session 5m, or until it is swept or needs the room, so it fills until it is full or its live and unswept entries balance, which can take far longer than the timeout"], causes);
    }

    [Fact]
    public void TicketKeys_AreNamedWhileTheRingHasNotTurnedOver()
    {
        var scenario = StaleSessionScenario.Create(TimeSpan.FromMinutes(30));
        var tickets = new StrategyConfig { Name = "t", Tickets = new TicketConfig { Rotate = TimeSpan.FromHours(1), Keep = TimeSpan.FromHours(2), Lifetime = TimeSpan.FromHours(2) } };

        var causes = TransientCauses.For(scenario, tickets, SteadyMetric.ResumptionRate, TimeSpan.FromMinutes(30));

        Assert.Contains(causes, c => c.StartsWith("ticket keys: a key seals for 1h and opens for 2h more", StringComparison.Ordinal));
        Assert.DoesNotContain(causes, c => c.StartsWith("client session lifetime", StringComparison.Ordinal)); // tickets live as long as clients keep them
    }

    [Fact]
    public void SessionsLivingManyRevisitGaps_NameTheSynchronizedExpiryWave()
    {
        // Visits every 5 min, sessions for 1 h: the empty start's wave of expiries comes back every cycle.
        var scenario = TestScenarios.OneServer(TestScenarios.Ids(timeout: TimeSpan.FromHours(1)), visitsPerHour: 12);

        var causes = TransientCauses.For(scenario, scenario.Strategies[0], SteadyMetric.ResumptionRate, TimeSpan.FromMinutes(30));

        Assert.Contains(causes, c => c.StartsWith("synchronized expiry: from empty caches every client's first session is made within minutes and lives 1h, against a revisit every 5m", StringComparison.Ordinal));
    }

    [Fact]
    public void LongWarmup_LeavesNoTimeScaleToBlame()
    {
        var scenario = StaleSessionScenario.Create(TimeSpan.FromDays(1));

        Assert.Empty(TransientCauses.For(scenario, TestScenarios.Off(), SteadyMetric.CpuUtilization, TimeSpan.FromDays(1)));
    }

    [Theory]
    [InlineData(1.5, "1.5s")]
    [InlineData(90, "1m 30s")]
    [InlineData(3600, "1h")]
    [InlineData(3900, "1h 5m")]
    [InlineData(3150, "52m 30s")]
    public void Show_WritesDurationsAsPeopleSayThem(double seconds, string expected)
    {
        Assert.Equal(expected, TransientCauses.Show(TimeSpan.FromSeconds(seconds)));
    }
}
