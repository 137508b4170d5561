namespace ResumeSim.Cli.Tests;

/// <summary>Sharded runs merge into exactly the tables one run writes (issue: capacity planning, sharding).</summary>
public sealed class ShardMergeTests
{
    private static readonly string[] Tables = ["summary.csv", "summary_ci.csv", "misses.csv", "timeseries.csv", "servers.csv", "latency.csv"];

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Merge_OfAllShards_IsByteIdenticalToOneRun(int shards)
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var single = Run(["run", scenario, "--out", Path.Combine(temp.Path, "single"), "--quiet"]);
        var parts = Enumerable.Range(1, shards)
            .Select(k => Run(["run", scenario, "--out", Path.Combine(temp.Path, "shards"), "--quiet", "--shard", $"{k}/{shards}"]))
            .ToArray();

        var merged = Run(["merge", "--out", Path.Combine(temp.Path, "merged"), .. parts.Reverse()]);

        foreach (var table in Tables)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(single, table)), File.ReadAllBytes(Path.Combine(merged, table)));
        }

        Assert.True(File.Exists(Path.Combine(merged, "run.json")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Merge_OfTheShardsOutFolder_IsByteIdenticalToOneRun(bool scenarioFolder)
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var shardsOut = Path.Combine(temp.Path, "shards");
        var single = Run(["run", scenario, "--out", shardsOut, "--quiet"]); // an unsharded run beside the shards is left alone
        Run(["run", scenario, "--out", shardsOut, "--quiet", "--shard", "1/2"]);
        Run(["run", scenario, "--out", shardsOut, "--quiet", "--shard", "2/2"]);

        var merged = Run(["merge", "--out", Path.Combine(temp.Path, "merged"), scenarioFolder ? Path.Combine(shardsOut, "cli-small") : shardsOut]);

        foreach (var table in Tables)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(single, table)), File.ReadAllBytes(Path.Combine(merged, table)));
        }
    }

    [Fact]
    public void Merge_FolderWithoutRuns_ExitsTwoSayingWhatItExpected()
    {
        using var temp = new TempFolder();

        var (exit, _, stderr) = CliRunner.Run("merge", "--out", Path.Combine(temp.Path, "merged"), temp.Path);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"error: {temp.Path}: holds no run (run.json) and no shard folder (<scenario>/<run-id>-shardKofN/); expected a run folder or the --out folder of 'run --shard K/N'" + Environment.NewLine,
            stderr);
    }

    [Fact]
    public void Merge_MissingFolder_ExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("merge", "--out", "merged", "no/such/shards");

        Assert.Equal(2, exit);
        Assert.Equal("error: no/such/shards: no such folder; expected a run folder or the --out folder of 'run --shard K/N'" + Environment.NewLine, stderr);
    }

    [Fact]
    public void Merge_WithAShardMissing_ExitsTwoAndWritesNothing()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var first = Run(["run", scenario, "--out", Path.Combine(temp.Path, "shards"), "--quiet", "--shard", "1/3"]);
        var outDir = Path.Combine(temp.Path, "merged");

        var (exit, _, stderr) = CliRunner.Run("merge", "--out", outDir, first);

        Assert.Equal(2, exit);
        Assert.Contains("missing 2 shards: 2, 3 (of 3)", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Merge_SameShardTwice_ExitsTwo()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var first = Run(["run", scenario, "--out", Path.Combine(temp.Path, "shards"), "--quiet", "--shard", "1/2"]);

        var (exit, _, stderr) = CliRunner.Run("merge", "--out", Path.Combine(temp.Path, "merged"), first, first);

        Assert.Equal(2, exit);
        Assert.Contains("shard 1/2 is given twice", stderr);
    }

    [Fact]
    public void Merge_ShardsOfDifferentSeeds_ExitsTwo()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var one = Run(["run", scenario, "--out", Path.Combine(temp.Path, "a"), "--quiet", "--shard", "1/2"]);
        var two = Run(["run", scenario, "--out", Path.Combine(temp.Path, "b"), "--quiet", "--shard", "2/2", "--seed", "77"]);

        var (exit, _, stderr) = CliRunner.Run("merge", "--out", Path.Combine(temp.Path, "merged"), one, two);

        Assert.Equal(2, exit);
        Assert.Contains("not of one sweep: seed is 3", stderr);
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("two")]
    [InlineData("1/")]
    public void Run_BadShard_ExitsTwo(string shard)
    {
        var (exit, _, stderr) = CliRunner.Run("run", "any.yaml", "--shard", shard);

        Assert.Equal(2, exit);
        Assert.Contains("--shard", stderr);
    }

    [Fact]
    public void Run_ShardBeyondTheRuns_ExitsTwo()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var (exit, _, stderr) = CliRunner.Run("run", scenario, "--out", temp.Path, "--shard", "7/7");

        Assert.Equal(2, exit);
        Assert.Contains("only 6 runs", stderr);
    }

    private static string Run(string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }
}
