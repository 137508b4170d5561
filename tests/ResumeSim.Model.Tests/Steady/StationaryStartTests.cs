using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Model.Steady;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Steady;

/// <summary>
/// <c>start: stationary</c>: each client's last full handshake drawn from the renewal process of full
/// handshakes (cycles m + Exp(lambda) with Poisson visits), the live sessions put in the store.
/// </summary>
public sealed class StationaryStartTests
{
    [Fact]
    public void StaleSessionScenario_StationaryStartWithoutWarmup_MatchesAThreeHourWarmup()
    {
        // The stale-session transient, with a FIFO store (an LRU's order would depend on every hit before time 0).
        var fifo = StaleSessionScenario.Create(TimeSpan.FromHours(3)) with { Strategies = [FifoShared()] };
        var warmedUp = ExperimentRunner.Run([fifo], threads: 1);
        var stationary = ExperimentRunner.Run([fifo with { Warmup = TimeSpan.Zero, Start = StartState.Stationary }], threads: 1);
        var cold = ExperimentRunner.Run([fifo with { Warmup = TimeSpan.Zero }], threads: 1);

        Assert.All(stationary, r => Assert.True(r.StartedStationary));
        Assert.All(stationary, r => Assert.Equal(0, r.LiveSessionsDropped));
        Assert.True(Samples.Agree(Rates(stationary), Rates(warmedUp)), $"stationary {Samples.Show(Rates(stationary))} vs 3 h warm-up {Samples.Show(Rates(warmedUp))}");
        Assert.True(Samples.Agree(Rates(stationary, offered: true), Rates(warmedUp, offered: true)));
        Assert.False(Samples.Agree(Rates(cold), Rates(warmedUp)), $"an empty start without warm-up {Samples.Show(Rates(cold))} should differ");
    }

    [Fact]
    public void OneServerHourTimeout_StationaryStart_GivesTheRenewalRateFromTimeZero()
    {
        // Visits every 5 min, sessions live 1 h from their full handshake (FIFO, no refresh on a hit):
        // a cycle holds 1 + lambda*T visits of which lambda*T resume, 12/13. From an empty start every
        // client's first session expires within the same few minutes an hour later, and the wave of full
        // handshakes that follows stays in step for days (each cycle only spreads by one revisit gap):
        // no practical warm-up reaches this rate, and the first 30 min resume nearly everything.
        const double visitsPerHour = 12;
        var timeout = TimeSpan.FromHours(1);
        var expected = visitsPerHour / (visitsPerHour + 1);
        var scenario = TestScenarios.OneServer(TestScenarios.Ids(timeout: timeout), clients: 2000, visitsPerHour: visitsPerHour,
            duration: TimeSpan.FromMinutes(30), warmup: TimeSpan.Zero) with { Replications = 5 };

        var stationary = ExperimentRunner.Run([scenario with { Start = StartState.Stationary }], threads: 1);
        var cold = ExperimentRunner.Run([scenario with { Warmup = TimeSpan.FromMinutes(30) }], threads: 1);

        var (mean, halfWidth) = Samples.MeanAndHalfWidth(Rates(stationary));
        Assert.InRange(expected, mean - halfWidth, mean + halfWidth);
        Assert.True(Rates(cold).Min() > 0.97, Samples.Show(Rates(cold)));
    }

    [Fact]
    public void DrawAgeSeconds_HasTheEquilibriumMeanOfTheCycle()
    {
        // A = U X* with X* length-biased: E[A] = E[X^2] / (2 E[X]) for X = m + Exp(lambda).
        const double m = 300;
        const double lambda = 1 / 900.0;
        var expected = ((m * m) + (2 * m / lambda) + (2 / (lambda * lambda))) / (2 * (m + (1 / lambda)));
        var random = new Random(1);

        var mean = Enumerable.Range(0, 200_000).Average(_ => StationaryStart.DrawAgeSeconds(m, lambda, 1 - random.NextDouble(), 1 - random.NextDouble()));

        Assert.Equal(expected, mean, expected * 0.01);
    }

    [Fact]
    public void DrawAgeSeconds_IsUniformBelowTheWindowWithItsShareOfTheCycle()
    {
        // P(A < m) = m / (m + 1/lambda): 1/4 here, and inside the window every age is equally likely.
        Assert.Equal(150, StationaryStart.DrawAgeSeconds(300, 1 / 900.0, 0.125, 0.5), 9);
        Assert.Equal(300, StationaryStart.DrawAgeSeconds(300, 1 / 900.0, 0.25, 0.5), 9);
        Assert.Equal(300 + (900 * Math.Log(2)), StationaryStart.DrawAgeSeconds(300, 1 / 900.0, 0.26, 0.5), 9);
    }

    [Fact]
    public void ChromeTickets_StationaryStartWithoutWarmup_MatchesATwelveHourWarmup()
    {
        // Chrome drops a TLS 1.2 session an hour after its full handshake, renewed or not: from an empty start
        // every client's first ticket expires in the same few minutes an hour in, and the wave of full
        // handshakes spreads by only one revisit gap per cycle. The drawn start holds each client's last
        // ticket, sealed by the farm ring's own history before time 0.
        var tickets = new StrategyConfig
        {
            Name = "tickets-shared",
            Tickets = new TicketConfig { Rotate = TimeSpan.FromHours(1), Keep = TimeSpan.FromHours(18), Lifetime = TimeSpan.FromHours(18) },
        };
        var scenario = StaleSessionScenario.Create(TimeSpan.FromHours(12)) with { Strategies = [tickets] };
        var warmedUp = ExperimentRunner.Run([scenario], threads: 1);
        var stationary = ExperimentRunner.Run([scenario with { Warmup = TimeSpan.Zero, Start = StartState.Stationary }], threads: 1);
        var cold = ExperimentRunner.Run([scenario with { Warmup = TimeSpan.Zero }], threads: 1);

        Assert.All(stationary, r => Assert.True(r.StartedStationary));
        Assert.True(Samples.Agree(Rates(stationary), Rates(warmedUp)), $"stationary {Samples.Show(Rates(stationary))} vs 12 h warm-up {Samples.Show(Rates(warmedUp))}");
        Assert.False(Samples.Agree(Rates(cold), Rates(warmedUp)), $"an empty start without warm-up {Samples.Show(Rates(cold))} should differ");
    }

    [Theory]
    [InlineData("tickets", "keys erased")]
    [InlineData("lru", "LRU store")]
    [InlineData("round-robin", "round-robin")]
    [InlineData("tls13", "TLS 1.3")]
    [InlineData("lognormal", "Poisson visits only")]
    [InlineData("churn", "churn")]
    public void Unsupported_NamesWhyTheStartCannotBeExact(string variant, string fragment)
    {
        var ids = TestScenarios.Ids();
        var scenario = TestScenarios.OneServer(ids);
        (scenario, var strategy) = variant switch
        {
            "tickets" => (scenario, TestScenarios.Tickets() with { Tickets = TestScenarios.Tickets().Tickets! with { Keep = TimeSpan.FromHours(1) } }),
            "lru" => (scenario, TestScenarios.Ids(eviction: StoreEviction.Lru)),
            "round-robin" => (scenario with { Farm = new FarmConfig { Servers = 2, Balancer = BalancerKind.RoundRobin } }, ids),
            "tls13" => (scenario with { Protocol = new ProtocolConfig { Version = ProtocolVersion.Tls13 } }, ids),
            "lognormal" => (scenario with { Clients = scenario.Clients with { Process = VisitProcessConfig.Poisson with { Kind = VisitProcessKind.LogNormal } } }, ids),
            _ => (scenario with { Clients = scenario.Clients with { Churn = 0.1 } }, ids),
        };

        Assert.Contains(fragment, StationaryStart.Unsupported(scenario, strategy), StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_IsNullForStickyPerServerStores_SharedStoresAndNoResumption()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Ids()) with { Farm = new FarmConfig { Servers = 4, Balancer = BalancerKind.SourceHash } };

        Assert.Null(StationaryStart.Unsupported(scenario, TestScenarios.Ids()));
        Assert.Null(StationaryStart.Unsupported(scenario with { Farm = new FarmConfig { Servers = 4, Balancer = BalancerKind.RoundRobin } }, TestScenarios.Ids(scope: StoreScope.Shared)));
        Assert.Null(StationaryStart.Unsupported(scenario, TestScenarios.Off()));
    }

    [Fact]
    public void UnsupportedStrategy_StartsEmpty_AndTheReportSaysWhy()
    {
        var shortKeys = TestScenarios.Tickets() with { Tickets = TestScenarios.Tickets().Tickets! with { Keep = TimeSpan.FromHours(1) } };
        var scenario = TestScenarios.OneServer(shortKeys, clients: 200) with { Start = StartState.Stationary };

        var run = ExperimentRunner.RunOne(scenario, scenario.Strategies[0], 0);

        Assert.False(run.StartedStationary);
        Assert.Equal("empty", run.SteadyState.Start.Label);
        Assert.Contains("keys erased", run.SteadyState.Start.Note, StringComparison.Ordinal);
    }

    private static StrategyConfig FifoShared() => new()
    {
        Name = "ids-shared-fifo",
        SessionIds = new SessionIdConfig { Store = StoreScope.Shared, Eviction = StoreEviction.Fifo, CapacityEntries = 20_000, Timeout = TimeSpan.FromMinutes(5) },
    };

    private static double[] Rates(IReadOnlyList<StrategyRunResult> runs, bool offered = false) =>
        runs.Select(r => offered ? r.ResumptionRateOffered : r.ResumptionRate).ToArray();
}
