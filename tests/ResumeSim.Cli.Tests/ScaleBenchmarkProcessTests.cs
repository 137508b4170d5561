using ResumeSim.Bench;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// <c>bench scale</c> with real child processes: the CLI re-launches itself (from the test's bin
/// folder, <c>dotnet resumesim.dll</c>) once per strategy and run.
/// </summary>
public sealed class ScaleBenchmarkProcessTests
{
    [Fact]
    public void BenchScaleQuick_RunsSerialAndParallelInChildProcessesAndOnThreads()
    {
        var (exit, stdout, stderr) = CliRunner.Run("bench", "scale", ScaleBenchmarkTests.ScenarioPath, "--quick");

        Assert.True(exit == 0, $"exit {exit}: {stderr}\n{stdout}");
        Assert.Matches(@"(?m)^serial-proc +ids-per-server +wall", stdout);
        Assert.Matches(@"(?m)^serial-proc +tickets-shared-key +wall", stdout);
        Assert.Matches(@"(?m)^parallel +tickets-shared-key +wall", stdout);
        Assert.Matches(@"(?m)^parallel-proc +ids-per-server +wall", stdout);
        Assert.Matches(@"(?m)^parallel \(threads, one process\): 2 strategies in [0-9.]+ s wall vs [0-9.]+ s one after the other \(one process each\) = [0-9.]+x; cpu [0-9.]+ s together vs [0-9.]+ s alone", stdout);
        Assert.Matches(@"(?m)^parallel \(processes\): 2 strategies in [0-9.]+ s wall vs [0-9.]+ s one after the other \(one process each\) = [0-9.]+x; cpu [0-9.]+ s together", stdout);
        Assert.Matches(@"(?m)^speed-up bound: [0-9.]+x with 2 strategies", stdout);
        Assert.DoesNotContain(ScaleChildResultLine.Prefix, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchScaleChild_PrintsExactlyOneResultLineForItsStrategy()
    {
        var (exit, stdout, stderr) = CliRunner.Run("bench", "scale", ScaleBenchmarkTests.ScenarioPath, "--quick", "--child", "ids-per-server");

        Assert.True(exit == 0, stderr);
        var line = Assert.Single(stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        var result = ScaleChildResultLine.Parse(line);
        Assert.Equal("ids-per-server", result.Measurement.Strategy);
        Assert.Equal(20_000, result.Measurement.Clients);
        Assert.True(result.Measurement.Connections > 100_000);
        Assert.True(result.PeakRssBytes > 10_000_000, $"peak RSS {result.PeakRssBytes} B");
        Assert.True(result.RunEndTimestamp > result.RunStartTimestamp);
    }

    [Fact]
    public void BenchScaleChild_UnknownStrategy_IsAUsageErrorNamingTheStrategies()
    {
        var (exit, _, stderr) = CliRunner.Run("bench", "scale", ScaleBenchmarkTests.ScenarioPath, "--clients", "1000", "--child", "no-such");

        Assert.Equal(2, exit);
        Assert.Contains("no strategy 'no-such' (it has ids-per-server, tickets-shared-key)", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/repo/bin/resumesim", "/repo/bin/resumesim.dll", null, "/repo/bin/resumesim", "")]
    [InlineData("/usr/share/dotnet/dotnet", "/repo/bin/resumesim.dll", null, "/usr/share/dotnet/dotnet", "/repo/bin/resumesim.dll")]
    [InlineData("/sdk/testhost", "/tests/bin/resumesim.dll", "/sdk/dotnet", "/sdk/dotnet", "/tests/bin/resumesim.dll")]
    [InlineData(null, "/tests/bin/resumesim.dll", null, "dotnet", "/tests/bin/resumesim.dll")]
    public void ResumesimExecutable_Resolve_StartsTheAppHostItselfOrTheAssemblyThroughDotnet(
        string? processPath, string assembly, string? hostPath, string expectedFile, string expectedArgument)
    {
        var executable = ResumesimExecutable.Resolve(processPath, assembly, hostPath);

        Assert.Equal(expectedFile, executable.FileName);
        Assert.Equal(expectedArgument.Length == 0 ? [] : [expectedArgument], executable.LeadingArguments);
    }

    [Fact]
    public void ChildArguments_PassTheScenarioAsAnAbsolutePathAndTheSize()
    {
        Assert.Equal(
            ["bench", "scale", Path.GetFullPath("scenarios/x.yaml"), "--clients", "1000000", "--progress", "20"],
            ScaleBenchCommand.ChildArguments("scenarios/x.yaml", 1_000_000, quick: false, progress: 20));
        Assert.Equal(
            ["bench", "scale", Path.GetFullPath("x.yaml"), "--quick"],
            ScaleBenchCommand.ChildArguments("x.yaml", 5, quick: true, progress: 1));
    }

    [Fact]
    public async Task ProcessLauncher_ChildFails_ReturnsItsCodeOutputAndTheTailOfItsStandardError()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        // $0 is "sh"; the launcher appends "--child NAME" as $1 $2.
        var script = "echo progress; for i in $(seq 1 40); do echo line $i >&2; done; echo \"asked for $2\" >&2; exit 3";
        var launcher = new BenchChildProcessLauncher(new ResumesimExecutable("/bin/sh", ["-c", script, "sh"]), []);
        var forwarded = new List<string>();

        var exit = await launcher.RunAsync("ids-per-server", forwarded.Add, CancellationToken.None);

        Assert.Equal(3, exit.ExitCode);
        Assert.Equal(["progress"], exit.StandardOutput);
        Assert.Equal(["progress"], forwarded);
        Assert.EndsWith("line 40" + Environment.NewLine + "asked for ids-per-server", exit.StandardErrorTail, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1" + Environment.NewLine, exit.StandardErrorTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessLauncher_Cancelled_KillsTheChild()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        var launcher = new BenchChildProcessLauncher(new ResumesimExecutable("/bin/sh", ["-c", "echo started; exec sleep 600", "sh"]), []);
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var running = launcher.RunAsync("x", _ => started.TrySetResult(), cancel.Token);
        await started.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ProcessLauncher_MissingExecutable_FailsNamingTheStrategy()
    {
        var launcher = new BenchChildProcessLauncher(new ResumesimExecutable("/no/such/resumesim", []), ["bench", "scale"]);

        var error = await Assert.ThrowsAsync<BenchChildFailedException>(() => launcher.RunAsync("tickets-shared-key", _ => { }, CancellationToken.None));

        Assert.Contains("'tickets-shared-key'", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be started", error.Message, StringComparison.Ordinal);
    }
}
