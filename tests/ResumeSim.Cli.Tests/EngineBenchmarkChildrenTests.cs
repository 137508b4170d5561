using ResumeSim.Bench;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// <c>bench engine</c>'s cases, the line a child prints for one, and the parent reading it back
/// (<see cref="EngineBenchmarkCase"/>, <see cref="EngineCaseResult"/>, <see cref="EngineBenchmark.InChildProcesses"/>).
/// </summary>
public sealed class EngineBenchmarkChildrenTests
{
    private static readonly EngineBenchmarkOptions Tiny = new() { Quick = true, Repetitions = 2, HoldSizes = [1_000], MmcCustomers = 5_000 };

    [Theory]
    [InlineData("hold/Simulation/10000")]
    [InlineData("hold/PriorityQueue/1")]
    [InlineData("mmc/BucketQueue/simulation")]
    [InlineData("mmc/QuaternaryHeap/direct")]
    public void Parse_OfName_GivesTheSameCase(string name)
    {
        Assert.Equal(name, EngineBenchmarkCase.Parse(name).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hold/BucketQueue")]
    [InlineData("hold/BucketQueue/0")]
    [InlineData("hold/BucketQueue/-5")]
    [InlineData("hold/NoQueue/10")]
    [InlineData("mmc/PriorityQueue/simulation")]
    [InlineData("mmc/BucketQueue/both")]
    [InlineData("hold/BucketQueue/10/extra")]
    public void Parse_OfAnythingElse_NamesTheExpectedForms(string name)
    {
        var error = Assert.Throws<FormatException>(() => EngineBenchmarkCase.Parse(name));

        Assert.Contains($"'{name}' is not an engine benchmark case", error.Message, StringComparison.Ordinal);
        Assert.Contains("hold/QUEUE/PENDING", error.Message, StringComparison.Ordinal);
        Assert.Contains("mmc/QUEUE/simulation|direct", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultLine_Parse_OfFormat_GivesBackEveryValueExactly()
    {
        var written = new EngineCaseResult("hold/BucketQueue/10000", [58.712_345_678_901_2, 0.1 + 0.2, 1e-300], [0.001_234_5, 0, double.NaN], 0, 0.286_012_345_678_9);

        var read = EngineCaseResult.Parse(written.Format());

        Assert.Equal(written.Case, read.Case);
        Assert.Equal(written.Values, read.Values);
        Assert.Equal(written.FillSeconds, read.FillSeconds);
        Assert.Equal(written.MeanWaitMs, read.MeanWaitMs);
    }

    [Theory]
    [InlineData("resumesim-engine-result/1 case=x values=1,2 fill=1 events=0 wait_ms=0", "2 values but 1 fill times")]
    [InlineData("resumesim-engine-result/1 case=x values=1,a fill=1,2 events=0 wait_ms=0", "values='1,a' is not a comma-separated list of numbers")]
    [InlineData("resumesim-engine-result/1 case=x values=1 fill=1", "incomplete: missing events, wait_ms")]
    [InlineData("resumesim-scale-result/1 case=x", "not a bench engine result line")]
    public void ResultLine_Parse_OfABrokenLine_SaysWhatIsWrong(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => EngineCaseResult.Parse(line));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InChildProcesses_StartsOneChildPerCaseAndReportsWhatTheyMeasured()
    {
        var launched = new List<string>();
        var launcher = new FakeChildLauncher((name, _, _, _) =>
        {
            lock (launched)
            {
                launched.Add(name);
            }

            var result = EngineBenchmark.RunCaseAlone(Tiny, EngineBenchmarkCase.Parse(name));
            return Task.FromResult(new ScaleChildExit(0, ["warming up", result.Format()], string.Empty));
        });

        var report = EngineBenchmark.Run(Tiny, new StringWriter(), EngineBenchmark.InChildProcesses(launcher));

        Assert.Equal(
            ["hold/Simulation/1000", "hold/BucketQueue/1000", "hold/CalendarQueue/1000", "hold/QuaternaryHeap/1000", "hold/BinaryHeap/1000", "hold/PriorityQueue/1000",
             "mmc/BucketQueue/simulation", "mmc/BucketQueue/direct", "mmc/CalendarQueue/simulation", "mmc/QuaternaryHeap/simulation", "mmc/QuaternaryHeap/direct"],
            launched);
        Assert.Equal(6, report.Hold.Count);
        Assert.Equal(1.0, report.Hold.Single(h => h.Queue == "PriorityQueue").RatioToPriorityQueue);
        Assert.All(report.Mmc, m => Assert.InRange(m.MeanWaitMs, 0.1, 0.6));
        // The same seeds give the same events on Simulation and in the direct loop.
        Assert.Equal(report.Mmc[0].Events, report.Mmc[1].Events);
    }

    [Theory]
    [InlineData("exit", "exited with code 139")]
    [InlineData("none", "printed 0 result lines")]
    [InlineData("other", "its result line is for case 'hold/BucketQueue/7'")]
    public void Run_ChildThatFails_NamesItsCaseAndQuotesItsError(string how, string expected)
    {
        var launcher = new FakeChildLauncher((name, _, _, _) => Task.FromResult(how switch
        {
            "exit" => new ScaleChildExit(139, [], "Segmentation fault"),
            "none" => new ScaleChildExit(0, ["warming up"], "Segmentation fault"),
            _ => new ScaleChildExit(0, [new EngineCaseResult("hold/BucketQueue/7", [1], [0], 0, 0).Format()], "Segmentation fault"),
        }));

        var error = Assert.Throws<ScaleChildFailedException>(() => EngineBenchmark.Run(Tiny, new StringWriter(), EngineBenchmark.InChildProcesses(launcher)));

        Assert.Equal("hold/Simulation/1000", error.Strategy);
        Assert.Contains("'hold/Simulation/1000'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Segmentation fault", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchEngineChild_PrintsOneResultLineForItsCase()
    {
        var (exit, stdout, stderr) = CliRunner.Run("bench", "engine", "--quick", "--repetitions", "2", "--child", "mmc/QuaternaryHeap/direct");

        Assert.True(exit == 0, stderr);
        var line = Assert.Single(stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        var result = EngineCaseResult.Parse(line);
        Assert.Equal("mmc/QuaternaryHeap/direct", result.Case);
        Assert.Equal(2, result.Values.Length);
        Assert.True(result.Events > 2 * 199_000, $"{result.Events} events for 200,000 customers");
    }

    [Fact]
    public void BenchEngineChild_UnknownCase_IsAUsageErrorNamingTheForms()
    {
        var (exit, _, stderr) = CliRunner.Run("bench", "engine", "--child", "mmc/Nothing/direct");

        Assert.Equal(2, exit);
        Assert.Contains("bench engine --child: 'mmc/Nothing/direct' is not an engine benchmark case", stderr, StringComparison.Ordinal);
    }
}
