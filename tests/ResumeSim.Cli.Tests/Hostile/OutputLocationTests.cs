namespace ResumeSim.Cli.Tests.Hostile;

public sealed class OutputLocationTests
{
    [Theory]
    [InlineData("file", "is a file, so the folder")]
    [InlineData("file/below", "is a file, so the folder")]
    [InlineData("/proc/resumesim-results", "cannot write in '/proc'")]
    public void Run_OutThatCannotBeWritten_IsRefusedBeforeSimulating(string outDir, string fragment)
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        temp.Write("file", "in the way");
        var target = outDir.StartsWith("file", StringComparison.Ordinal) ? Path.Combine(temp.Path, outDir) : outDir;

        var (exit, stdout, stderr) = CliRunner.Run("run", scenario, "--out", target, "--quiet");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: --out {target}: ", stderr, StringComparison.Ordinal);
        Assert.Contains(fragment, stderr, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was run" + Environment.NewLine, stderr, StringComparison.Ordinal);
        Assert.Equal(["file", "small.yaml"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("report", "r1", "--out", "/proc/report.html")]
    [InlineData("calibrate", "--quick", "--out", "/proc/profile.yaml")]
    [InlineData("calibrate", "--quick", "--out", "/proc/no/such/profile.yaml")]
    [InlineData("calibrate", "--quick", "--out", "/tmp")]
    public void FileOutputs_ThatCannotBeWritten_AreRefusedFirst(params string[] args)
    {
        var (exit, _, stderr) = CliRunner.Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: --out {args[^1]}: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void CheckFolder_AMissingFolderUnderAWritableOne_IsFine_AndIsNotCreated()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "a", "b");

        Assert.Null(OutputLocation.CheckFolder(folder));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData(1, 1, 1, "20261127-083015-s7")]
    [InlineData(2, 1, 1, "20261127-083015-s7-2")]
    [InlineData(1, 2, 4, "20261127-083015-s7-shard2of4")]
    [InlineData(3, 2, 4, "20261127-083015-s7-3-shard2of4")]
    public void RunId_ACollisionSuffix_ComesBeforeTheShardSuffix(int attempt, int shard, int shards, string expected)
    {
        var started = new DateTimeOffset(2026, 11, 27, 8, 30, 15, TimeSpan.Zero);

        Assert.Equal(expected, RunCommand.RunId(started, 7, attempt, new ResumeSim.Model.Runs.Shard(shard, shards)));
    }

    [Fact]
    public void UnexpectedError_IsOneLine_WithoutAStackTrace()
    {
        var error = new StringWriter();

        CliApp.WriteUnexpected(new AggregateException(new InvalidOperationException("boom\nsecond line"), new InvalidOperationException("again")), error);

        Assert.Equal($"error: unexpected InvalidOperationException: boom second line (set RESUMESIM_DEBUG=1 for details){Environment.NewLine}", error.ToString());
    }
}
