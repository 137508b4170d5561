namespace ResumeSim.Cli.Tests;

public sealed class CompareCommandTests
{
    [Fact]
    public void Compare_TwoSeedsOfOneScenario_PrintsEveryMetricSideBySide()
    {
        using var temp = new TempFolder();
        var a = ReportCommandTests.SmallRun(temp, "a");
        var b = ReportCommandTests.SmallRun(temp, "b", "--seed", "9");

        var (exit, stdout, stderr) = CliRunner.Run("compare", a, b);

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.StartsWith($"A: {a} (cli-small, seed 3, 2 replications, started ", lines[0]);
        Assert.StartsWith($"B: {b} (cli-small, seed 9, 2 replications, started ", lines[1]);
        Assert.StartsWith("Same scenario: cli-small (scenario.yaml sha256 ", lines[2]);
        Assert.StartsWith("strategy  metric ", lines[4]);
        Assert.EndsWith("  B - A  outside both CIs", lines[4]);
        // A row per summary_ci.csv row: 3 strategies x every numeric summary.csv column.
        Assert.Equal(File.ReadAllLines(Path.Combine(a, "summary_ci.csv")).Length - 1, lines.Skip(5).Count(l => l.Length > 0));
        Assert.Contains(lines, l => l.StartsWith("ids       resumption_rate ", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_Metrics_FiltersTheTable()
    {
        using var temp = new TempFolder();
        var a = ReportCommandTests.SmallRun(temp, "a");

        var (exit, stdout, stderr) = CliRunner.Run("compare", a, a, "--metrics", "resumption_rate,cores_needed");

        Assert.True(exit == 0, stderr);
        var rows = stdout.Split('\n').Skip(5).Where(l => l.Length > 0).ToList();
        Assert.Equal(6, rows.Count);
        // A run against itself: every difference is 0, inside both intervals.
        Assert.All(rows, r => Assert.Matches(@"^\S+ +(resumption_rate|cores_needed) .* 0( pp)?  no$", r));
    }

    [Fact]
    public void Compare_DifferentScenarios_SaysSo_AndComparesMatchingStrategiesOnly()
    {
        using var temp = new TempFolder();
        var a = ReportCommandTests.SmallRun(temp, "a");
        var other = temp.Write("other.yaml", SmallScenario.Yaml.Replace("name: cli-small", "name: cli-other").Replace("  - name: off\n    resumption: off\n", ""));
        var (runExit, runOut, runErr) = CliRunner.Run("run", other, "--out", Path.Combine(temp.Path, "b"), "--quiet", "--replications", "2");
        Assert.True(runExit == 0, runErr);

        var (exit, stdout, stderr) = CliRunner.Run("compare", a, runOut.Trim());

        Assert.True(exit == 0, stderr);
        Assert.Contains("Different scenarios: A is cli-small (sha256 ", stdout);
        Assert.Contains("Only in A: strategy off.", stdout);
        Assert.DoesNotContain("\noff ", stdout);
        Assert.Contains("\ntickets   resumption_rate ", stdout);
    }

    [Fact]
    public void Compare_NotARun_ExitsTwo()
    {
        using var temp = new TempFolder();
        var a = ReportCommandTests.SmallRun(temp, "a");

        var (exit, stdout, stderr) = CliRunner.Run("compare", a, temp.Path);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {Path.Combine(temp.Path, "run.json")}: the file is missing", stderr);
    }

    [Fact]
    public void Compare_TamperedCi_ExitsTwo_NamingFileLineAndColumn()
    {
        using var temp = new TempFolder();
        var a = ReportCommandTests.SmallRun(temp, "a");
        var path = Path.Combine(a, "summary_ci.csv");
        ReportCommandTests.Tamper(path, "non-numeric");

        var (exit, _, stderr) = CliRunner.Run("compare", a, a);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {path}, line 2, column 'n': expected an integer, found 'soon'.", stderr);
    }

    [Fact]
    public void Compare_UnknownMetric_ExitsTwo()
    {
        using var temp = new TempFolder();
        var a = ReportCommandTests.SmallRun(temp, "a");

        var (exit, _, stderr) = CliRunner.Run("compare", a, a, "--metrics", "speed");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --metrics: 'speed' is not a metric both runs have", stderr);
    }
}
