using ResumeSim.Results;

namespace ResumeSim.Cli.Tests.Hostile;

/// <summary>
/// SIGINT and SIGTERM at points of a run of the built CLI: afterwards the results folder holds a
/// complete run or nothing (no hidden temporary folder, no lock), and the console says which.
/// </summary>
public sealed class InterruptionTests
{
    private const int SigInt = 2;
    private const int SigKill = 9;
    private const int SigTerm = 15;

    [Theory]
    [InlineData(TestPause.BeforeSimulation, SigInt, 130, "SIGINT")]
    [InlineData(TestPause.Simulation, SigInt, 130, "SIGINT")]
    [InlineData(TestPause.Simulation, SigTerm, 143, "SIGTERM")]
    [InlineData(TestPause.Write, SigInt, 130, "SIGINT")]
    [InlineData(TestPause.Write, SigTerm, 143, "SIGTERM")]
    public void Signal_BeforeTheRunFolderIsComplete_LeavesNothing_AndSaysSo(string point, int signal, int exitCode, string name)
    {
        using var temp = new TempFolder();
        var results = Path.Combine(temp.Path, "results");
        using var child = new ChildRun(point, "run", temp.Write("small.yaml", SmallScenario.Yaml), "--out", results, "--quiet", "--threads", "1");

        child.WaitUntilPaused(point);
        child.Signal(signal);
        var exit = child.WaitForExit();

        Assert.True(exit == exitCode, child.Error);
        Assert.Contains($"interrupted by {name}: nothing was written", child.Error, StringComparison.Ordinal);
        Assert.Empty(FilesUnder(results));
    }

    [Theory]
    [InlineData(SigInt, 130, "SIGINT")]
    [InlineData(SigTerm, 143, "SIGTERM")]
    public void Signal_AfterTheRename_LeavesTheCompleteRun_AndSaysSo(int signal, int exitCode, string name)
    {
        using var temp = new TempFolder();
        var results = Path.Combine(temp.Path, "results");
        using var child = new ChildRun(TestPause.Written, "run", temp.Write("small.yaml", SmallScenario.Yaml), "--out", results, "--quiet", "--threads", "1");

        child.WaitUntilPaused(TestPause.Written);
        child.Signal(signal);
        var exit = child.WaitForExit();

        Assert.True(exit == exitCode, child.Error);
        var run = Assert.Single(Directory.GetDirectories(Path.Combine(results, "cli-small")));
        Assert.Contains($"interrupted by {name}: the run folder is complete: {run}", child.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run, RunFiles.Manifest)));
        Assert.DoesNotContain(FilesUnder(results), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public void Kill_DuringTheWrite_LeavesATempThatTheNextRunRemoves()
    {
        using var temp = new TempFolder();
        var results = Path.Combine(temp.Path, "results");
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        using (var child = new ChildRun(TestPause.Write, "run", scenario, "--out", results, "--quiet", "--threads", "1"))
        {
            child.WaitUntilPaused(TestPause.Write);
            child.Signal(SigKill);
            child.WaitForExit();
        }

        var scenarioFolder = Path.Combine(results, "cli-small");
        Assert.Single(Directory.GetDirectories(scenarioFolder, ".*.tmp"));

        var (exit, stdout, stderr) = CliRunner.Run("run", scenario, "--out", results, "--quiet", "--replications", "1");

        Assert.True(exit == 0, stderr);
        Assert.Matches(@"note: removed '.*\.tmp', left by a run \(process \d+\) that was killed", stderr);
        Assert.Equal([stdout.Trim()], Directory.GetFileSystemEntries(scenarioFolder));
    }

    private static string[] FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Where(File.Exists).ToArray() : [];
}
