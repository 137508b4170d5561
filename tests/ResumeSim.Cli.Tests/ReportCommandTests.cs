namespace ResumeSim.Cli.Tests;

public sealed class ReportCommandTests
{
    [Fact]
    public void Run_WritesReportHtml_BesideTheTables_AndPrintsItsPath()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var (exit, stdout, stderr) = CliRunner.Run("run", scenario, "--out", Path.Combine(temp.Path, "out"), "--replications", "1");

        Assert.True(exit == 0, stderr);
        var last = stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("report: ", last);
        var report = last["report: ".Length..];
        Assert.True(File.Exists(report), report);
        Assert.Equal("report.html", Path.GetFileName(report));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(report)!, "summary.csv")));
        Assert.Contains("<section id=\"run1\"", File.ReadAllText(report));
    }

    [Fact]
    public void Report_OneRun_RewritesRunDirReportHtml()
    {
        using var temp = new TempFolder();
        var run = SmallRun(temp, "a");
        File.Delete(Path.Combine(run, "report.html"));

        var (exit, stdout, stderr) = CliRunner.Run("report", run);

        Assert.True(exit == 0, stderr);
        Assert.Equal(Path.Combine(run, "report.html"), stdout.Trim());
        Assert.DoesNotContain(Directory.EnumerateFiles(run), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public void Report_TwoRunsOfOneScenario_WithOut_HasTheComparison()
    {
        using var temp = new TempFolder();
        var a = SmallRun(temp, "a");
        var b = SmallRun(temp, "b", "--seed", "9");
        var file = Path.Combine(temp.Path, "both.html");

        var (exit, stdout, stderr) = CliRunner.Run("report", a, b, "--out", file);

        Assert.True(exit == 0, stderr);
        Assert.Equal(file, stdout.Trim());
        var html = File.ReadAllText(file);
        Assert.Contains("<section id=\"compare\">", html);
        Assert.Contains("Same scenario: cli-small", html);
    }

    [Fact]
    public void Report_FolderThatIsNotARun_ExitsTwo_NamesRunJson_AndWritesNothing()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "r.html");

        var (exit, _, stderr) = CliRunner.Run("report", temp.Path, "--out", file);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {Path.Combine(temp.Path, "run.json")}: the file is missing, so '{temp.Path}' is not a finished run folder", stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("summary.csv", "cut-column")]
    [InlineData("timeseries.csv", "non-numeric")]
    [InlineData("run.json", "broken-json")]
    [InlineData("summary_ci.csv", "missing")]
    public void Report_TamperedFile_ExitsTwo_NamesTheFile_AndLeavesTheOldReport(string name, string damage)
    {
        using var temp = new TempFolder();
        var run = SmallRun(temp, "a");
        var reportBefore = File.ReadAllText(Path.Combine(run, "report.html"));
        var path = Path.Combine(run, name);
        Tamper(path, damage);

        var (exit, stdout, stderr) = CliRunner.Run("report", run);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {path}", stderr);
        Assert.Equal(reportBefore, File.ReadAllText(Path.Combine(run, "report.html")));
        Assert.DoesNotContain(Directory.EnumerateFiles(run), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public void Report_NonNumericValue_SaysWhereAndWhat()
    {
        using var temp = new TempFolder();
        var run = SmallRun(temp, "a");
        var path = Path.Combine(run, "timeseries.csv");
        Tamper(path, "non-numeric");

        var (_, _, stderr) = CliRunner.Run("report", run);

        Assert.Equal($"error: {path}, line 2, column 't_s': expected a number (invariant culture, '.' decimal point, or NaN/Infinity), found 'soon'.", stderr.Trim());
    }

    internal static string SmallRun(TempFolder temp, string name, params string[] extra)
    {
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var (exit, stdout, stderr) = CliRunner.Run(["run", scenario, "--out", Path.Combine(temp.Path, name), "--quiet", "--replications", "2", .. extra]);
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }

    internal static void Tamper(string path, string damage)
    {
        switch (damage)
        {
            case "missing":
                File.Delete(path);
                break;
            case "broken-json":
                File.WriteAllText(path, File.ReadAllText(path)[..40]);
                break;
            case "cut-column":
                File.WriteAllLines(path, File.ReadAllLines(path).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 4))));
                break;
            case "non-numeric":
                var lines = File.ReadAllLines(path);
                var fields = lines[1].Split(',');
                fields[2] = "soon";
                lines[1] = string.Join(',', fields);
                File.WriteAllLines(path, lines);
                break;
        }
    }
}
