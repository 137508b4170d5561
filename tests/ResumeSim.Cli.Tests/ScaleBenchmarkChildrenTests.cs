using ResumeSim.Bench;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// The parent side of <c>bench scale --isolate process|both</c>, with children faked in this process
/// (<see cref="FakeChildLauncher"/>); the real processes are exercised by <see cref="ScaleBenchmarkProcessTests"/>.
/// </summary>
public sealed class ScaleBenchmarkChildrenTests
{
    private static readonly ScaleBenchmarkOptions Small = new() { Clients = 2_000, CryptoFloorPairs = 200 };

    [Fact]
    public void Run_IsolationBoth_ReportsBothSpeedupsAndTheSameCountsInEveryPhase()
    {
        var launcher = new FakeChildLauncher((strategy, _, onLine, _) => FakeChildLauncher.RunInProcess(Small, strategy, onLine));
        var log = new StringWriter();

        var report = ScaleBenchmark.Run(ScaleBenchmarkTests.LoadScenario(), Small with { Isolation = ScaleIsolation.Both, Launcher = launcher }, log);

        Assert.Equal(4, launcher.Launched);
        Assert.Equal(["serial-proc", "serial-proc"], report.Serial.Select(m => m.Mode));
        Assert.Equal(report.Serial, report.SerialChildren.Select(c => c.Measurement));
        Assert.Equal(2, report.Parallel.Count);
        Assert.Equal(["parallel-proc", "parallel-proc"], report.ParallelChildren.Select(c => c.Measurement.Mode));
        foreach (var alone in report.Serial)
        {
            Assert.Equal(alone.Events, report.Parallel.Single(p => p.Strategy == alone.Strategy).Events);
            Assert.Equal(alone.Events, report.ParallelChildren.Single(p => p.Measurement.Strategy == alone.Strategy).Measurement.Events);
        }

        Assert.All(report.ParallelChildren, c => Assert.True(c.PeakRssBytes > 0 && c.CryptoFloorPairsPerSecond > 0));
        Assert.NotNull(report.Speedup);
        Assert.NotNull(report.ProcessSpeedup);
        Assert.True(report.ParallelChildrenWallSeconds >= report.ParallelChildren.Max(c => c.Measurement.WallSeconds) * 0.999);
        Assert.InRange(report.SpeedupBound, 1.0, 2.0);
        Assert.True(report.ParallelCpuSeconds > 0);
        Assert.Contains("speed-up bound: ", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("parallel (threads, one process): 2 strategies in", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("parallel (processes): 2 strategies in", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_IsolationProcess_RunsNothingOnThreadsHere()
    {
        var launcher = new FakeChildLauncher((strategy, _, onLine, _) => FakeChildLauncher.RunInProcess(Small, strategy, onLine));

        var report = ScaleBenchmark.Run(ScaleBenchmarkTests.LoadScenario(), Small with { Isolation = ScaleIsolation.Process, Launcher = launcher }, new StringWriter());

        Assert.Equal(4, launcher.Launched);
        Assert.Empty(report.Parallel);
        Assert.Null(report.Speedup);
        Assert.NotNull(report.ProcessSpeedup);
        Assert.True(double.IsNaN(report.CryptoFloorPairsPerSecond));
    }

    [Fact]
    public void Run_ChildProgressLines_AreForwardedToTheLog()
    {
        var launcher = new FakeChildLauncher((strategy, _, onLine, _) =>
        {
            onLine($"  {strategy}: 1/2 of simulated time");
            return FakeChildLauncher.RunInProcess(Small, strategy, onLine);
        });
        var log = new StringWriter();

        ScaleBenchmark.Run(ScaleBenchmarkTests.LoadScenario(), Small with { Isolation = ScaleIsolation.Process, Serial = false, Launcher = launcher }, log);

        Assert.Contains("  ids-per-server: 1/2 of simulated time", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ScaleChildResultLine.Prefix, log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ChildExitsNonZero_FailsNamingItsStrategyQuotingItsErrorAndStopsTheOther()
    {
        var otherCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var launcher = new FakeChildLauncher(async (strategy, _, _, cancel) =>
        {
            if (strategy.StartsWith("tickets", StringComparison.Ordinal))
            {
                return new BenchChildExit(134, [], "Unhandled exception. System.OutOfMemoryException: oh no\n   at ResumeSim.Model.World.ResumptionWorld.Run()");
            }

            // a long child: ends only when the parent stops it
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancel.Register(() => stopped.TrySetResult()))
            {
                await stopped.Task;
            }

            otherCancelled.TrySetResult();
            throw new OperationCanceledException(cancel);
        });

        var error = Assert.Throws<BenchChildFailedException>(() => ScaleBenchmark.Run(
            ScaleBenchmarkTests.LoadScenario(), Small with { Isolation = ScaleIsolation.Process, Serial = false, Launcher = launcher }, new StringWriter()));

        Assert.Equal("tickets-shared-key", error.Child);
        Assert.Contains("'tickets-shared-key'", error.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 134", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.OutOfMemoryException: oh no", error.Message, StringComparison.Ordinal);
        Assert.True(otherCancelled.Task.IsCompleted, "the other child was not stopped");
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("none")]
    [InlineData("two")]
    public void Run_ChildWithoutExactlyOneGoodResultLine_FailsNamingItsStrategy(string how)
    {
        var launcher = new FakeChildLauncher((strategy, _, _, _) =>
        {
            var line = ResultLine(strategy);
            IReadOnlyList<string> lines = how switch
            {
                "cut" => [line[..(line.Length / 2)]],
                "none" => ["  progress only"],
                _ => [line, line],
            };
            return Task.FromResult(new BenchChildExit(0, lines, "warning: something"));
        });

        var error = Assert.Throws<BenchChildFailedException>(() => ScaleBenchmark.Run(
            ScaleBenchmarkTests.LoadScenario(), Small with { Isolation = ScaleIsolation.Process, Parallel = false, Launcher = launcher }, new StringWriter()));

        Assert.Equal("ids-per-server", error.Child);
        Assert.Contains(how == "cut" ? "incomplete" : "result lines", error.Message, StringComparison.Ordinal);
        Assert.Contains("warning: something", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ChildCountsDifferentlyInParallel_FailsTheDeterminismCheck()
    {
        // The third child is the first of the parallel phase: one event more than alone.
        var launcher = new FakeChildLauncher((strategy, call, onLine, _) => FakeChildLauncher.RunInProcess(Small, strategy, onLine, line =>
            call == 2 && ScaleChildResultLine.IsResultLine(line)
                ? ScaleChildResultLine.Format(ScaleChildResultLine.Parse(line) is var r ? r with { Measurement = r.Measurement with { Events = r.Measurement.Events + 1 } } : r)
                : line));

        var error = Assert.Throws<InvalidOperationException>(() => ScaleBenchmark.Run(
            ScaleBenchmarkTests.LoadScenario(), Small with { Isolation = ScaleIsolation.Process, Launcher = launcher }, new StringWriter()));

        Assert.Contains("gave different results in serial-proc and parallel-proc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpeedupBound_TwoUnequalStrategies_IsTheSumOverTheLongest()
    {
        static ScaleMeasurement Alone(string name, double wall) => new(name, "serial", 1, 1, 1, 0, wall, wall, 0, 0, 0.9, 0, 0, 0);

        var report = new ScaleReport(1, 1, [Alone("ids", 55), Alone("tickets", 80)], [], 0, []);

        Assert.Equal(135.0 / 80, report.SpeedupBound, 12);
    }

    [Fact]
    public void Run_ChildIsolationWithoutALauncher_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ScaleBenchmark.Run(ScaleBenchmarkTests.LoadScenario(), Small with { Isolation = ScaleIsolation.Both }, new StringWriter()));
    }

    private static string ResultLine(string strategy) => ScaleChildResultLine.Format(new ScaleChildResult(
        new ScaleMeasurement(strategy, "child", 2_000, 20_000, 80_000, 0, 1.5, 1.4, 800, 96, 0.9, 0.01, 1, 0),
        100_000_000,
        50_000,
        1,
        2));
}
