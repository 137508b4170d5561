namespace ResumeSim.Results.Tests;

public sealed class StaleRunFoldersTests
{
    // No process ever has this id (Linux's pid_max is at most 2^22).
    private const int NoSuchPid = int.MaxValue;

    [Fact]
    public void Clean_AKilledWritersLockAndTemp_AreRemoved()
    {
        using var root = new TempFolder();
        var me = RequireLinux();
        var scenario = Leftover(root, "r1", new WriterProcess(NoSuchPid, me.StartTicks, me.BootId));

        var notes = StaleRunFolders.Clean(scenario);

        Assert.Equal([], root.Entries().Where(e => e != "quickstart"));
        Assert.Contains(notes, n => n.Contains(".r1.tmp", StringComparison.Ordinal) && n.Contains("killed", StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_AReusedPid_CountsAsGone()
    {
        using var root = new TempFolder();
        var me = RequireLinux();
        var scenario = Leftover(root, "r1", me with { StartTicks = me.StartTicks + 1 });

        StaleRunFolders.Clean(scenario);

        Assert.Equal([], root.Entries().Where(e => e != "quickstart"));
    }

    [Fact]
    public void Clean_ALiveWritersTemp_IsLeftAlone()
    {
        using var root = new TempFolder();
        var scenario = Leftover(root, "r1", RequireLinux());

        var notes = StaleRunFolders.Clean(scenario);

        Assert.Equal(["quickstart", "quickstart/.r1.lock", "quickstart/.r1.tmp", "quickstart/.r1.tmp/summary.csv"], root.Entries());
        Assert.Empty(notes);
    }

    [Fact]
    public void Clean_AWriterOfAnotherBootOrMachine_IsLeftAlone()
    {
        using var root = new TempFolder();
        var scenario = Leftover(root, "r1", new WriterProcess(NoSuchPid, 1, "another-boot"));

        StaleRunFolders.Clean(scenario);

        Assert.Contains("quickstart/.r1.tmp", root.Entries());
        Assert.Contains("quickstart/.r1.lock", root.Entries());
    }

    [Fact]
    public void Clean_ATempWithoutALock_IsLeftAlone_AndNamed()
    {
        using var root = new TempFolder();
        var scenario = Directory.CreateDirectory(Path.Combine(root.Path, "quickstart", ".r1.tmp")).Parent!.FullName;

        var notes = StaleRunFolders.Clean(scenario);

        Assert.Contains("quickstart/.r1.tmp", root.Entries());
        Assert.Contains(notes, n => n.Contains("no lock", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_AfterAKilledWriter_CleansUpAndTakesTheId()
    {
        using var root = new TempFolder();
        var me = RequireLinux();
        Leftover(root, "r1", new WriterProcess(NoSuchPid, me.StartTicks, me.BootId));
        StaleRunFolders.Clean(Path.Combine(root.Path, "quickstart"));

        var folder = RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());

        Assert.Equal("r1", Path.GetFileName(folder));
    }

    private static WriterProcess RequireLinux() =>
        WriterProcess.Current() ?? throw new InvalidOperationException("these tests need /proc (Linux)");

    private static string Leftover(TempFolder root, string runId, WriterProcess writer)
    {
        var scenario = Path.Combine(root.Path, "quickstart");
        Directory.CreateDirectory(Path.Combine(scenario, $".{runId}.tmp"));
        File.WriteAllText(Path.Combine(scenario, $".{runId}.tmp", "summary.csv"), "half");
        File.WriteAllText(Path.Combine(scenario, $".{runId}.lock"), writer.ToString());
        return scenario;
    }
}
