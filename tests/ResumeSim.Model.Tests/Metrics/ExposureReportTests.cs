using ResumeSim.Model.Metrics;
using ResumeSim.Model.Tests.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Metrics;

/// <summary>How long the server side could still decrypt a recorded session.</summary>
public sealed class ExposureReportTests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void Measure_NothingStoredOrSealed_IsNaN()
    {
        var strategy = TestScenarios.Ids();
        var setup = FarmParts.Setup(TestScenarios.OneServer(strategy), strategy, 1);
        setup.CreateServer(0, 0, 0);

        var figures = new ExposureReport(setup, strategy, measuredStart: 0, end: 100 * Second).Measure(100 * Second);

        Assert.True(double.IsNaN(figures.MaxSeconds));
    }

    [Fact]
    public void Measure_SessionStillHeld_IsExposedFromItsPutToTheRunsEnd()
    {
        var strategy = TestScenarios.Ids(timeout: TimeSpan.FromHours(10));
        var setup = FarmParts.Setup(TestScenarios.OneServer(strategy), strategy, 1);
        var tls = setup.CreateServer(0, 0, 0).For(0);
        tls.Store.Put(SessionId.FromBytes(Enumerable.Repeat((byte)3, 32).ToArray()), tls.PastSession12(new byte[SessionState.MasterSecretLength], 10 * Second), 10 * Second);

        var figures = new ExposureReport(setup, strategy, measuredStart: 0, end: 100 * Second).Measure(runEnd: 110 * Second);

        Assert.Equal(100, figures.MaxSeconds, 6);
        Assert.Equal(100, figures.MeanSeconds, 6);
    }

    [Fact]
    public void Measure_TicketKeys_AreExposedFromCreationToTheEnd()
    {
        var strategy = TestScenarios.Tickets(Configuration.KeyScope.PerServer);
        var setup = FarmParts.Setup(TestScenarios.OneServer(strategy), strategy, 1);
        var tls = setup.CreateServer(0, 0, 0).For(0);
        tls.Handshake(ClientHello.Fresh12(null), Second);

        var figures = new ExposureReport(setup, strategy, measuredStart: 0, end: 100 * Second).Measure(runEnd: 100 * Second);

        Assert.Equal(100, figures.MaxSeconds, 6);
        Assert.Equal(1, figures.SessionsMax);
    }
}
