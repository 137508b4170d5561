using System.Diagnostics;

namespace ResumeSim.Cli.Tests.Deploy;

/// <summary>
/// The sbatch files docs/scale-out.md tells users to submit, run outside Slurm with the variables
/// Slurm sets and RESUMESIM=echo, so the command each task would run is checked without a cluster
/// (validation/slurm/run.sh submits the same files to a real one).
/// </summary>
public sealed class SlurmFilesTests
{
    private static readonly string ShardFile = Path.Combine(RepositoryPaths.Root, "deploy", "slurm", "shard.sbatch");
    private static readonly string MergeFile = Path.Combine(RepositoryPaths.Root, "deploy", "slurm", "merge.sbatch");

    [Fact]
    public void ShardTask_RunsItsShardOfTheArray()
    {
        var (exit, stdout, _) = Bash(ShardFile, ["scenarios/x.yaml", "shards", "--replications", "1"], ArrayTask(3, min: 1, max: 4, count: 4));

        Assert.Equal(0, exit);
        Assert.Equal("run scenarios/x.yaml --shard 3/4 --threads 2 --out shards --quiet --replications 1", stdout.Trim());
    }

    [Theory]
    [InlineData(0, 3, 4)]   // --array=0-3: shard 0 does not exist
    [InlineData(1, 7, 4)]   // --array=1-7:2: every other shard would be left out
    public void ShardTask_OfAnArrayThatIsNotOneToN_FailsSayingSo(int min, int max, int count)
    {
        var (exit, _, stderr) = Bash(ShardFile, ["scenarios/x.yaml", "shards"], ArrayTask(min, min, max, count));

        Assert.Equal(2, exit);
        Assert.Contains("the array must be 1-N with every task", stderr);
    }

    [Fact]
    public void ShardTask_ReRunWithTheShardCountGiven_RunsThatShardOfTheWholeSweep()
    {
        // sbatch --array=2,9 with RESUMESIM_SHARDS=16: the array has 2 tasks, the sweep 16 shards.
        var (exit, stdout, _) = Bash(ShardFile, ["scenarios/x.yaml", "shards"], [.. ArrayTask(9, min: 2, max: 9, count: 2), ("RESUMESIM_SHARDS", "16")]);

        Assert.Equal(0, exit);
        Assert.StartsWith("run scenarios/x.yaml --shard 9/16 ", stdout);
    }

    [Theory]
    [InlineData("8")]
    [InlineData("0")]
    [InlineData("x")]
    public void ShardTask_ReRunBeyondTheShardCount_FailsSayingSo(string shards)
    {
        var (exit, _, stderr) = Bash(ShardFile, ["scenarios/x.yaml", "shards"], [.. ArrayTask(9, min: 9, max: 9, count: 1), ("RESUMESIM_SHARDS", shards)]);

        Assert.Equal(2, exit);
        Assert.Contains($"task 9 is not a shard of RESUMESIM_SHARDS={shards}", stderr);
    }

    [Fact]
    public void ShardTask_OutsideAnArray_FailsSayingSo()
    {
        var (exit, _, stderr) = Bash(ShardFile, ["scenarios/x.yaml", "shards"], [("RESUMESIM", "echo")]);

        Assert.Equal(2, exit);
        Assert.Contains("submit with --array=1-N", stderr);
    }

    [Fact]
    public void MergeJob_MergesTheShardsFolder()
    {
        var (exit, stdout, _) = Bash(MergeFile, ["shards", "results"], [("RESUMESIM", "echo")]);

        Assert.Equal(0, exit);
        Assert.Equal("merge --out results shards", stdout.Trim());
    }

    [Fact]
    public void MergeJob_IsCancelledWhenAShardFails()
    {
        // Without it the merge waits forever behind a failed task on clusters that do not set
        // DependencyParameters=kill_invalid_depend.
        Assert.Contains("#SBATCH --kill-on-invalid-dep=yes", File.ReadAllLines(MergeFile));
    }

    [Fact]
    public void ValidationScriptAndDocs_UseTheseFiles()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "validation", "slurm", "run.sh"));
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "scale-out.md"));

        foreach (var file in new[] { "deploy/slurm/shard.sbatch", "deploy/slurm/merge.sbatch" })
        {
            Assert.Contains(file, script);
            Assert.Contains(file, doc);
        }
    }

    [Theory]
    [InlineData("deploy/slurm/shard.sbatch")]
    [InlineData("deploy/slurm/merge.sbatch")]
    [InlineData("validation/slurm/run.sh")]
    public void Script_ParsesInBash(string file)
    {
        var (exit, _, stderr) = Run("bash", ["-n", Path.Combine(RepositoryPaths.Root, file)], []);

        Assert.True(exit == 0, stderr);
    }

    private static (string, string)[] ArrayTask(int id, int min, int max, int count) =>
    [
        ("RESUMESIM", "echo"),
        ("SLURM_ARRAY_TASK_ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("SLURM_ARRAY_TASK_MIN", min.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("SLURM_ARRAY_TASK_MAX", max.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("SLURM_ARRAY_TASK_COUNT", count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("SLURM_CPUS_PER_TASK", "2"),
    ];

    private static (int Exit, string Out, string Err) Bash(string file, string[] args, (string Name, string Value)[] environment) =>
        Run("bash", [file, .. args], environment);

    private static (int Exit, string Out, string Err) Run(string program, string[] args, (string Name, string Value)[] environment)
    {
        using var temp = new TempFolder();
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = temp.Path,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SLURM_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["SLURM_SUBMIT_DIR"] = temp.Path;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
