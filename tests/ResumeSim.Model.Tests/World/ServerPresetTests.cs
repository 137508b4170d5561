using ResumeSim.Model.Configuration;
using ResumeSim.Model.Presets;
using ResumeSim.Model.Runs;

namespace ResumeSim.Model.Tests.World;

/// <summary>
/// A scenario's <c>session_ids: {preset: ...}</c> carries its server's rules into the world: nginx sweeps
/// expired sessions as it stores new ones (<c>ngx_ssl_expire_sessions</c>) and its zone holds what nginx's
/// slab allocator fits; OpenSSL's cache lives in each worker process and flushes every 256th handshake.
/// </summary>
public sealed class ServerPresetTests
{
    [Fact]
    public void NginxPreset_SweepsExpiredSessions_SoExposureStaysNearTheTimeout()
    {
        // 5000 clients at 6 visits/h, 60 s sessions: about 5000 * 6/3600 * 60 = 500 live at a time.
        var scenario = TestScenarios.OneServer(Preset("nginx", timeout: TimeSpan.FromSeconds(60)), clients: 5000);
        var result = ExperimentRunner.RunOne(scenario, scenario.Strategies[0], 0);

        Assert.InRange(result.ExposureMaxSeconds, 60, 62);
        Assert.InRange(result.StorePeakEntries, 400, 700);
        Assert.True(result.StorePeakLiveEntries <= result.StorePeakEntries);
        Assert.True(result.Expirations > 0);
    }

    [Fact]
    public void StoreWithoutTheNginxSweep_KeepsExpiredSessions_AndExposureOutgrowsTheTimeout()
    {
        // The same store shape without nginx's rules: nothing sweeps what nobody looks up again.
        var strategy = TestScenarios.Ids(capacity: 27_000, timeout: TimeSpan.FromSeconds(60));
        var scenario = TestScenarios.OneServer(strategy, clients: 5000);
        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        Assert.True(result.ExposureMaxSeconds > 600, $"{result.ExposureMaxSeconds} s");
        Assert.True(result.StorePeakEntries > 3000, $"{result.StorePeakEntries}");
        Assert.InRange(result.StorePeakLiveEntries, 400, 700);
    }

    [Fact]
    public void NginxPreset_ZoneOf32KiB_HoldsTheSixtyThreeSessionsNginxHolds()
    {
        var strategy = Preset("nginx", timeout: TimeSpan.FromHours(1)) is var s
            ? s with { SessionIds = s.SessionIds! with { CapacityBytes = 32 * 1024 } }
            : s;
        var scenario = TestScenarios.OneServer(strategy, clients: 2000);
        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        Assert.Equal(63, result.StorePeakEntries);
        Assert.Equal(63 * 384, result.StorePeakBytes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OpenSslPreset_TwoWorkers_ResumeAboutHalfAsOftenAsOne_AndNameTheOtherWorker(bool reuseport)
    {
        // A revisit minutes later is one of thousands of connections later: with runs of 16 per worker
        // (shared socket) or a worker drawn per connection (reuseport), it finds its session's worker
        // half the time.
        var strategy = Preset("openssl", timeout: TimeSpan.FromHours(1));
        var one = ExperimentRunner.RunOne(Workers(TestScenarios.OneServer(strategy, clients: 2000), 1, reuseport), strategy, 0);
        var two = ExperimentRunner.RunOne(Workers(TestScenarios.OneServer(strategy, clients: 2000), 2, reuseport), strategy, 0);

        double Rate(StrategyRunResult r) => (double)r.ResumedById / r.Connections;
        Assert.InRange(Rate(two) / Rate(one), 0.45, 0.55);
        Assert.Contains(two.Misses, m => m.Key == "other_worker" && m.Value > 0);
        Assert.DoesNotContain(one.Misses, m => m.Key == "other_worker");
    }

    [Fact]
    public void NginxPreset_SharedZone_IsTheSameForAnyNumberOfWorkers()
    {
        var strategy = Preset("nginx", timeout: TimeSpan.FromMinutes(5));
        var one = ExperimentRunner.RunOne(Workers(TestScenarios.OneServer(strategy), 1), strategy, 0);
        var four = ExperimentRunner.RunOne(Workers(TestScenarios.OneServer(strategy), 4), strategy, 0);

        Assert.Equal(one.ResumedById, four.ResumedById);
        Assert.Equal(one.StorePeakEntries, four.StorePeakEntries);
    }

    private static ScenarioConfig Workers(ScenarioConfig scenario, int workers, bool reuseport = false) =>
        scenario with { Farm = scenario.Farm with { Workers = workers, Reuseport = reuseport } };

    private static StrategyConfig Preset(string name, TimeSpan timeout)
    {
        Assert.True(SessionIdPresets.TryGet(name, out var ids));
        return new StrategyConfig { Name = name, SessionIds = ids with { Timeout = timeout } };
    }
}
