using ResumeSim.Results;

namespace ResumeSim.Charts.Tests;

/// <summary>The <c>extraFiles</c> hook of <see cref="RunWriter.Write"/> that puts charts inside the atomic run write.</summary>
public sealed class RunWriterChartsTests
{
    [Fact]
    public void Write_WithCharts_PutsThemInTheFinishedFolder_BeforeRunJsonExists()
    {
        using var temp = new TempFolder();
        var run = SampleRun.NoSweep();
        var sawManifest = true;

        var folder = RunWriter.Write(temp.Path, "charts-test", "r1", run, tmp =>
        {
            sawManifest = File.Exists(Path.Combine(tmp, RunFiles.Manifest));
            return RunCharts.Draw(run, Path.Combine(tmp, "charts"), ["cpu"], ChartFormat.Png);
        });

        Assert.False(sawManifest);
        Assert.True(File.Exists(Path.Combine(folder, "charts", "cpu.png")));
        Assert.True(File.Exists(Path.Combine(folder, RunFiles.Manifest)));
    }

    [Fact]
    public void Write_WhenChartsFail_LeavesNoFolder()
    {
        using var temp = new TempFolder();

        Assert.Throws<ArgumentException>(() => RunWriter.Write(temp.Path, "charts-test", "r1", SampleRun.NoSweep(),
            tmp => RunCharts.Draw(SampleRun.NoSweep(), Path.Combine(tmp, "charts"), ["pie"], ChartFormat.Png)));

        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(temp.Path, "charts-test")));
    }

    [Fact]
    public void Write_ExtraFileOutsideTheRunFolder_IsRefused()
    {
        using var temp = new TempFolder();
        var outside = temp.Sub("stray.txt");
        File.WriteAllText(outside, "x");

        Assert.Throws<InvalidOperationException>(() => RunWriter.Write(temp.Path, "charts-test", "r1", SampleRun.NoSweep(), _ => [outside]));

        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(temp.Path, "charts-test")));
    }
}
