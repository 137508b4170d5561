using System.Diagnostics;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// <c>validate</c> on hostile input: a clear error and exit 2 in bounded time, never a read of a
/// device, a wait on a pipe or a stack trace; and the memory limit that the environment may raise.
/// </summary>
public sealed class HostileScenarioTests
{
    private const string Scenario = """
        name: t
        duration: 10m
        warmup: 0s
        clients:
          count: 100000000
          visits: {rate: 4/h}
        strategies:
          - name: none
            resumption: off
        """;

    [Fact]
    public void Validate_DevZero_ExitsTwoWithoutReadingIt()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the file type is read with Linux's statx
        }

        var (exit, _, err) = CliRunner.Run("validate", "/dev/zero");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("error: /dev/zero: is not a regular file", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamedPipe_ExitsTwoWithoutWaitingForAWriter()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        var fifo = Path.Combine(folder.Path, "scenario.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var (exit, _, err) = CliRunner.Run("validate", fifo);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not a regular file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HundredMillionClients_IsRefusedUnderTheDefaultLimit()
    {
        using var folder = new TempFolder();

        var (exit, output, err) = CliRunner.Run("validate", folder.Write("big.yaml", Scenario));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("big.yaml:5:10: one simulation would need about 65.2 GiB", err, StringComparison.Ordinal);
        Assert.Contains($"{ScenarioLimits.MemoryLimitVariable}=200GB", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ParetoShapeJustAboveOne_ExitsTwoBeforeSimulating()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("tail.yaml", Scenario.Replace("100000000", "100", StringComparison.Ordinal).Replace("{rate: 4/h}", "{rate: 4/h, process: pareto, shape: 1.0001}", StringComparison.Ordinal));
        var outDir = Path.Combine(folder.Path, "out");

        var (exit, _, err) = CliRunner.Run("run", scenario, "--out", outDir, "--quiet");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("tail.yaml:6:47: clients.visits.shape: 1.0001", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void TryLoad_RaisedMemoryLimit_AcceptsWhatTheDefaultRefuses()
    {
        using var folder = new TempFolder();
        var error = new StringWriter();

        Assert.True(ScenarioInput.TryLoad(folder.Write("big.yaml", Scenario), new ScenarioOverrides(), "200GB", error, out var plan), error.ToString());
        Assert.Equal(100_000_000, plan.Base.Clients.Count);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("200")]
    [InlineData("1KB")]
    public void TryLoad_MemoryLimitThatIsNotASize_IsRefusedBeforeReading(string limit)
    {
        var error = new StringWriter();

        Assert.False(ScenarioInput.TryLoad("no-such-file.yaml", new ScenarioOverrides(), limit, error, out _));
        Assert.Contains($"{ScenarioLimits.MemoryLimitVariable}: '{limit}' is not a memory size", error.ToString(), StringComparison.Ordinal);
    }
}
