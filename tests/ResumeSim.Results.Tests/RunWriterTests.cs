namespace ResumeSim.Results.Tests;

public sealed class RunWriterTests
{
    [Fact]
    public void Write_WhenTheRunFolderExists_RefusesAndLeavesItUntouched()
    {
        using var root = new TempFolder();
        var folder = RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());
        var before = File.ReadAllBytes(Path.Combine(folder, RunFiles.Summary));
        var other = SampleRuns.Full();
        var changed = new RunOutput { ScenarioYaml = "x", Manifest = other.Manifest, Summary = other.Summary.Take(1).ToArray() };

        var e = Assert.Throws<IOException>(() => RunWriter.Write(root.Path, "quickstart", "r1", changed));

        Assert.Contains("already exists", e.Message);
        Assert.Contains(folder, e.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, RunFiles.Summary)));
        Assert.DoesNotContain(root.Entries(), p => p.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RunFiles.Scenario)]
    [InlineData(RunFiles.Summary)]
    [InlineData(RunFiles.Timeseries)]
    [InlineData(RunFiles.Manifest)]
    public void Write_WhenAStepFails_LeavesNeitherFinalNorTempFolder(string failingFile)
    {
        using var root = new TempFolder();
        var written = new List<string>();

        var e = Assert.Throws<IOException>(() => RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full(), path =>
        {
            written.Add(Path.GetFileName(path));
            if (Path.GetFileName(path) == failingFile)
            {
                throw new IOException("disk full (injected)");
            }
        }));

        Assert.Equal("disk full (injected)", e.Message);
        Assert.Equal(failingFile, written[^1]);
        Assert.Equal(["quickstart"], root.Entries());
    }

    [Fact]
    public void Write_WhenALateTableHasInconsistentSweepKeys_ThrowsAndLeavesNoFolder()
    {
        using var root = new TempFolder();
        var good = SampleRuns.Full();
        var bad = new RunOutput
        {
            ScenarioYaml = good.ScenarioYaml,
            Manifest = good.Manifest,
            Summary = good.Summary,
            Misses = good.Misses,
            Timeseries = good.Timeseries,
            // The last CSV written: summary, CI, misses and timeseries are already on disk when this fails.
            Latency = [.. good.Latency, good.Latency[0] with { Sweep = [new SweepCell("farm.cores", "8")] }],
        };

        var e = Assert.Throws<ArgumentException>(() => RunWriter.Write(root.Path, "quickstart", "r1", bad));

        Assert.Contains("latency.csv", e.Message);
        Assert.Contains("farm.cores", e.Message);
        Assert.Equal(["quickstart"], root.Entries());
    }

    [Fact]
    public void Write_WhenATempFolderIsLeftOver_RefusesWithAClearMessage()
    {
        using var root = new TempFolder();
        Directory.CreateDirectory(Path.Combine(root.Path, "quickstart", ".r1.tmp"));

        var e = Assert.Throws<IOException>(() => RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full()));

        Assert.Contains(".r1.tmp", e.Message);
        Assert.False(Directory.Exists(Path.Combine(root.Path, "quickstart", "r1")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("../escape")]
    [InlineData("/abs")]
    [InlineData("has space")]
    [InlineData("star*")]
    [InlineData("naïve")]
    public void Write_UnsafeScenarioName_ThrowsArgumentExceptionAndWritesNothing(string name)
    {
        using var root = new TempFolder();

        var e = Assert.Throws<ArgumentException>(() => RunWriter.Write(root.Path, name, "r1", SampleRuns.Full()));

        Assert.Equal("scenarioName", e.ParamName);
        Assert.Contains("safe folder name", e.Message);
        Assert.Empty(root.Entries());
    }

    [Theory]
    [InlineData("quickstart")]
    [InlineData("ids-vs-tickets_v2.1")]
    [InlineData("A1")]
    public void ValidateFolderName_SafeNames_AreAccepted(string name) =>
        RunWriter.ValidateFolderName(name, "name");

    [Fact]
    public void Write_UnsafeRunId_Throws()
    {
        using var root = new TempFolder();

        var e = Assert.Throws<ArgumentException>(() => RunWriter.Write(root.Path, "quickstart", "../r1", SampleRuns.Full()));

        Assert.Equal("runId", e.ParamName);
    }

    [Fact]
    public void Write_SweepKeyThatIsAFixedColumn_Throws()
    {
        using var root = new TempFolder();
        var output = new RunOutput
        {
            ScenarioYaml = "",
            Manifest = SampleRuns.Manifest(),
            Summary = [SampleRuns.Summary("s", 0, [new SweepCell("connections", "6")])],
        };

        var e = Assert.Throws<ArgumentException>(() => RunWriter.Write(root.Path, "quickstart", "r1", output));

        Assert.Contains("'connections'", e.Message);
        Assert.Empty(root.Entries());
    }

    [Fact]
    public void NewRunId_IsUtcSecondsAndSeed_AndSortsByTime()
    {
        var earlier = RunWriter.NewRunId(new DateTimeOffset(2026, 11, 27, 9, 30, 15, TimeSpan.FromHours(1)), 1);
        var later = RunWriter.NewRunId(new DateTimeOffset(2026, 11, 27, 8, 30, 16, TimeSpan.Zero), 42);

        Assert.Equal("20261127-083015-s1", earlier);
        Assert.Equal("20261127-083016-s42", later);
        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }
}
