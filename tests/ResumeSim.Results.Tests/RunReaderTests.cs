namespace ResumeSim.Results.Tests;

public sealed class RunReaderTests
{
    private static string WriteSample(TempFolder root, string runId = "r1") =>
        RunWriter.Write(root.Path, "quickstart", runId, SampleRuns.Full());

    private static void EditLine(string path, int lineNumber, Func<string, string> edit)
    {
        var lines = File.ReadAllText(path).Split('\n');
        lines[lineNumber - 1] = edit(lines[lineNumber - 1]);
        File.WriteAllText(path, string.Join('\n', lines));
    }

    [Fact]
    public void Read_NonIntegerCount_NamesFileLineAndColumn()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        var summary = Path.Combine(folder, RunFiles.Summary);
        // Line 3 is the second data row; field 6 (after 2 leading + 2 sweep + connections) is "offered".
        EditLine(summary, 3, line => string.Join(',', line.Split(',').Select((f, i) => i == 5 ? "12x" : f)));

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Equal(summary, e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal("offered", e.Field);
        Assert.Contains("summary.csv, line 3, column 'offered': expected an integer, found '12x'", e.Message);
    }

    [Fact]
    public void Read_BadNumber_NamesTheColumn()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        var timeseries = Path.Combine(folder, RunFiles.Timeseries);
        EditLine(timeseries, 2, line => line.Replace(",0.25,", ",0,25,").Replace(",30,", ",")); // a decimal comma

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Contains("timeseries.csv, line 2", e.Message);
    }

    [Fact]
    public void Read_WrongFieldCount_NamesFileAndLine()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        EditLine(Path.Combine(folder, RunFiles.Misses), 4, line => line + ",extra");

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Contains("misses.csv, line 4: expected 6 fields as in the header, found 7", e.Message);
    }

    [Fact]
    public void Read_RenamedColumn_NamesTheExpectedColumn()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        EditLine(Path.Combine(folder, RunFiles.Latency), 1, line => line.Replace("upper_ms", "upper"));

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Equal(1, e.Line);
        Assert.Equal("upper", e.Field);
        Assert.Contains("latency.csv, line 1, column 'upper': column 6 should be 'upper_ms'", e.Message);
    }

    [Fact]
    public void Read_EmptyStrategy_IsRejected()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        EditLine(Path.Combine(folder, RunFiles.Summary), 2, line => line[line.IndexOf(',')..]);

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Contains("summary.csv, line 2, column 'strategy': expected a non-empty text value", e.Message);
    }

    [Fact]
    public void Read_MissingFile_NamesIt()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        File.Delete(Path.Combine(folder, RunFiles.Timeseries));

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.EndsWith("timeseries.csv", e.File);
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    public void Read_RunWrittenBeforeServersCsv_ReadsNoServerRows()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        File.Delete(Path.Combine(folder, RunFiles.Servers));

        var run = RunReader.Read(folder);

        Assert.Empty(run.Servers);
        Assert.NotEmpty(run.Timeseries);
    }

    [Fact]
    public void Read_ManifestWithoutSeed_NamesRunJsonAndTheKey()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        var manifest = Path.Combine(folder, RunFiles.Manifest);
        File.WriteAllLines(manifest, File.ReadAllLines(manifest).Where(l => !l.Contains("\"seed\"")));

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Equal(manifest, e.File);
        Assert.Contains("run.json", e.Message);
        Assert.Contains("seed", e.Message);
    }

    [Fact]
    public void Read_ManifestWithWrongType_NamesLineAndPath()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        var manifest = Path.Combine(folder, RunFiles.Manifest);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"replications\": 2", "\"replications\": \"two\""));

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Equal(7, e.Line);
        Assert.Equal("$.replications", e.Field);
        Assert.Contains("run.json, line 7, at $.replications", e.Message);
    }

    [Fact]
    public void Read_ManifestWithUnknownKey_IsAccepted()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        var manifest = Path.Combine(folder, RunFiles.Manifest);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("{\n  \"version\"", "{\n  \"added_later\": 1,\n  \"version\""));

        Assert.Equal(SampleRuns.Manifest(), RunReader.Read(folder).Manifest);
    }

    [Fact]
    public void Read_MissingFolder_ThrowsDirectoryNotFound()
    {
        using var root = new TempFolder();

        Assert.Throws<DirectoryNotFoundException>(() => RunReader.Read(Path.Combine(root.Path, "nope")));
    }

    [Fact]
    public void FindLatest_ReturnsTheGreatestFinishedRun()
    {
        using var root = new TempFolder();
        WriteSample(root, "20261127-083015-s1");
        var latest = WriteSample(root, "20261127-090000-s1");
        WriteSample(root, "20261126-235959-s9");
        var scenario = Path.Combine(root.Path, "quickstart");
        Directory.CreateDirectory(Path.Combine(scenario, ".20261127-120000-s1.tmp")); // being written
        Directory.CreateDirectory(Path.Combine(scenario, "20261127-110000-s1"));     // no run.json: not a run

        Assert.Equal(latest, RunReader.FindLatest(scenario));
    }

    [Fact]
    public void FindLatest_NoRuns_ReturnsNull()
    {
        using var root = new TempFolder();

        Assert.Null(RunReader.FindLatest(Path.Combine(root.Path, "missing")));
        Assert.Null(RunReader.FindLatest(root.Path));
    }
}
