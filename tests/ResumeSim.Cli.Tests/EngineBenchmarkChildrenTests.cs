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
        var written = new EngineCaseResult(
            "mmc/BucketQueue/direct", [0.987_654_321_012_345_6, 0.1 + 0.2, 1e-300], [0.001_234_5, 0, double.NaN], 10_000_000, 20_000_000, 0.286_012_345_678_9);

        var read = EngineCaseResult.Parse(written.Format());

        Assert.Equal(written.Case, read.Case);
        Assert.Equal(written.Values, read.Values);
        Assert.Equal(written.FillSeconds, read.FillSeconds);
        Assert.Equal(written.Customers, read.Customers);
        Assert.Equal(written.Events, read.Events);
        Assert.Equal(written.MeanWaitMs, read.MeanWaitMs);
    }

    [Theory]
    [InlineData("resumesim-engine-result/1 case=x values=1,2 fill=1 customers=0 events=0 wait_ms=0", "2 values but 1 fill times")]
    [InlineData("resumesim-engine-result/1 case=x values=1,a fill=1,2 customers=0 events=0 wait_ms=0", "values='1,a' is not a comma-separated list of numbers")]
    [InlineData("resumesim-engine-result/1 case=x values= fill= customers=0 events=0 wait_ms=0", "values='' is not a comma-separated list of numbers")]
    [InlineData("resumesim-engine-result/1 case=x values=1 fill=1", "incomplete: missing customers, events, wait_ms")]
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

            var result = EngineBenchmark.RunCaseAlone(Tiny, EngineBenchmarkCase.Parse(name), TimeSpan.Zero);
            return Task.FromResult(new BenchChildExit(0, ["warming up", result.Format()], string.Empty));
        });

        var report = EngineBenchmark.Run(Tiny, new StringWriter(), EngineBenchmark.InChildProcesses(Tiny, launcher));

        Assert.Equal(
            ["hold/Simulation/1000", "hold/BucketQueue/1000", "hold/CalendarQueue/1000", "hold/QuaternaryHeap/1000", "hold/BinaryHeap/1000", "hold/PriorityQueue/1000",
             "mmc/BucketQueue/simulation", "mmc/BucketQueue/direct", "mmc/CalendarQueue/simulation", "mmc/QuaternaryHeap/simulation", "mmc/QuaternaryHeap/direct"],
            launched);
        Assert.Equal(6, report.Hold.Count);
        Assert.Equal(1.0, report.Hold.Single(h => h.Queue == "PriorityQueue").RatioToPriorityQueue);
        Assert.All(report.Mmc, m => Assert.InRange(m.MeanWaitMs, 0.1, 0.6));
        Assert.All(report.Mmc, m => Assert.Equal(2 * 5_000, m.Events));
        // The same seed gives the same waits on Simulation and in the direct loop, to the last bit,
        // and the result lines carried them across unchanged.
        Assert.Equal(report.Mmc[0].MeanWaitMs, report.Mmc[1].MeanWaitMs);
    }

    [Theory]
    [InlineData("exit", "exited with code 139")]
    [InlineData("none", "printed 0 result lines")]
    [InlineData("other", "its result line is for case 'hold/BucketQueue/7'")]
    [InlineData("repetitions", "it ran 1 repetitions, not 2")]
    public void Run_ChildThatFails_NamesItsCaseAndQuotesItsError(string how, string expected)
    {
        var launcher = new FakeChildLauncher((name, _, _, _) => Task.FromResult(how switch
        {
            "exit" => new BenchChildExit(139, [], "Segmentation fault"),
            "none" => new BenchChildExit(0, ["warming up"], "Segmentation fault"),
            "other" => new BenchChildExit(0, [new EngineCaseResult("hold/BucketQueue/7", [1, 2], [0, 0], 0, 0, 0).Format()], "Segmentation fault"),
            _ => new BenchChildExit(0, [new EngineCaseResult(name, [1], [0], 0, 0, 0).Format()], "Segmentation fault"),
        }));

        var error = Assert.Throws<BenchChildFailedException>(() => EngineBenchmark.Run(Tiny, new StringWriter(), EngineBenchmark.InChildProcesses(Tiny, launcher)));

        Assert.Equal("hold/Simulation/1000", error.Child);
        Assert.Contains("'hold/Simulation/1000'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Segmentation fault", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ChildThatRanAnotherSize_FailsNamingBothSizes()
    {
        // A child given other options than the parent's: its M/M/8 run had another number of customers.
        var launcher = new FakeChildLauncher((name, _, _, _) =>
        {
            var result = EngineBenchmark.RunCaseAlone(Tiny with { MmcCustomers = 4_000 }, EngineBenchmarkCase.Parse(name), TimeSpan.Zero);
            return Task.FromResult(new BenchChildExit(0, [result.Format()], string.Empty));
        });

        var error = Assert.Throws<BenchChildFailedException>(() => EngineBenchmark.Run(Tiny, new StringWriter(), EngineBenchmark.InChildProcesses(Tiny, launcher)));

        Assert.Equal("mmc/BucketQueue/simulation", error.Child);
        Assert.Contains("it ran 4,000 customers, not 5,000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 5, "bench engine --repetitions 5")]
    [InlineData(true, 1, "bench engine --repetitions 1 --quick")]
    public void ChildArguments_CarryTheOptionsTheCommandLineSets(bool quick, int repetitions, string expected)
    {
        var arguments = EngineBenchCommand.ChildArguments(new EngineBenchmarkOptions { Quick = quick, Repetitions = repetitions, HoldSizes = [7] });

        Assert.Equal(expected, string.Join(' ', arguments));
    }

    [Fact]
    public void BenchEngineChild_PrintsOneResultLineForItsCase()
    {
        var (exit, stdout, stderr) = CliRunner.Run("bench", "engine", "--quick", "--repetitions", "2", "--child", "mmc/QuaternaryHeap/direct");

        Assert.True(exit == 0, stderr);
        var line = Assert.Single(stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        var result = EngineCaseResult.Parse(line);
        Assert.Equal("mmc/QuaternaryHeap/direct", result.Case);
        Assert.Equal(2, result.Values.Count);
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
