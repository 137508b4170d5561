using ResumeSim.Results.Report;

namespace ResumeSim.Results.Tests.Report;

public sealed class ReportRunLoadTests
{
    [Fact]
    public void Load_FolderWithoutRunJson_SaysItIsNotARun()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<ResultsFormatException>(() => ReportRun.Load(temp.Path));

        Assert.Equal(Path.Combine(temp.Path, "run.json"), error.File);
        Assert.Contains("is not a finished run folder", error.Message);
    }

    [Fact]
    public void Load_MissingFolder_Throws()
    {
        using var temp = new TempFolder();

        Assert.Throws<DirectoryNotFoundException>(() => ReportRun.Load(Path.Combine(temp.Path, "nope")));
    }

    [Fact]
    public void Load_SummaryWithoutAColumn_NamesFileAndColumn()
    {
        using var temp = new TempFolder();
        var folder = RunWriter.Write(temp.Path, "quickstart", "r1", SampleRuns.Full());
        var path = Path.Combine(folder, "summary.csv");
        var lines = File.ReadAllLines(path).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 5))).ToArray();
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<ResultsFormatException>(() => ReportRun.Load(folder));

        Assert.Equal(path, error.File);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Load_NonNumericValue_NamesFileLineAndColumn()
    {
        using var temp = new TempFolder();
        var folder = RunWriter.Write(temp.Path, "quickstart", "r1", SampleRuns.Full());
        var path = Path.Combine(folder, "summary_ci.csv");
        var lines = File.ReadAllLines(path);
        var fields = lines[2].Split(',');
        fields[^3] = "lots";
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<ResultsFormatException>(() => ReportRun.Load(folder));

        Assert.Equal($"{path}, line 3, column 'stddev': expected a number (invariant culture, '.' decimal point, or NaN/Infinity), found 'lots'.", error.Message);
    }

    [Fact]
    public void Load_RunJsonThatDoesNotParse_NamesTheFile()
    {
        using var temp = new TempFolder();
        var folder = RunWriter.Write(temp.Path, "quickstart", "r1", SampleRuns.Full());
        var path = Path.Combine(folder, "run.json");
        File.WriteAllText(path, "{ \"version\": \"0.1.0\", ");

        var error = Assert.Throws<ResultsFormatException>(() => ReportRun.Load(folder));

        Assert.Equal(path, error.File);
        Assert.StartsWith(path + ", line", error.Message);
    }
}
