using ResumeSim.Results;

namespace ResumeSim.Charts.Tests;

public sealed class RunChartsTests
{
    public static TheoryData<string> Names => [.. RunCharts.Names];

    [Fact]
    public void Names_AreTheScenarioChartNames()
    {
        Assert.Equal(["resumption", "latency-cdf", "page-cdf", "cpu", "servers-cpu", "capacity", "memory", "comparison", "timeline", "resumption-time"], RunCharts.Names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Draw_WithASweep_WritesPngAndSvgOfEveryChart(string name)
    {
        using var temp = new TempFolder();

        var files = RunCharts.Draw(SampleRun.ServersSweep(), temp.Path, [name], ChartFormat.Both, out var skipped);

        Assert.Empty(skipped);
        Assert.Equal([Path.Combine(temp.Path, name + ".png"), Path.Combine(temp.Path, name + ".svg")], files);
        Assert.Equal((1000, 600), ChartFiles.PngSize(files[0]));
        Assert.NotEmpty(ChartFiles.SvgTexts(files[1]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Draw_WithoutASweep_WritesEveryChart(string name)
    {
        using var temp = new TempFolder();

        var files = RunCharts.Draw(SampleRun.NoSweep(), temp.Path, [name], ChartFormat.Both, out var skipped);

        Assert.Empty(skipped);
        Assert.Equal(2, files.Count);
        Assert.Equal((1000, 600), ChartFiles.PngSize(files[0]));
    }

    [Theory]
    [InlineData("resumption", "Resumption rate vs farm.servers", "farm.servers (swept, value as in the scenario)", "Resumption rate (% of connections)")]
    [InlineData("latency-cdf", "Handshake latency CDF", "Handshake latency (ms, log scale)", "Share of handshakes at or below (%)")]
    [InlineData("page-cdf", "Page-ready latency CDF", "Page-ready latency (ms, log scale)", "Share of page visits at or below (%)")]
    [InlineData("cpu", "Farm CPU utilization over time", "Simulated time after warm-up (s)", "CPU utilization of all server cores (%)")]
    [InlineData("servers-cpu", "CPU utilization per server over time", "Simulated time after warm-up (s)", "CPU utilization of the server's cores (%)")]
    [InlineData("capacity", "Cores needed per server vs farm.servers", "farm.servers (swept, value as in the scenario)", "Cores per server to stay at target utilization")]
    [InlineData("memory", "Session store memory over time", "Simulated time after warm-up (s)", "Session store memory, all stores (MiB)")]
    [InlineData("comparison", "Strategy comparison", "Metric (bar labels: actual values)", "Relative to the highest strategy (= 100)")]
    [InlineData("timeline", "Full handshakes over time", "Simulated time after warm-up (s)", "Full handshakes (per bucket)")]
    [InlineData("resumption-time", "Resumption rate over time", "Simulated time after warm-up (s)", "Resumption rate (% of connections in the bucket)")]
    public void Draw_SvgHoldsTitleAxisLabelsAndLegend_AsText(string name, string title, string xLabel, string yLabel)
    {
        using var temp = new TempFolder();

        var svg = RunCharts.Draw(SampleRun.ServersSweep(), temp.Path, [name], ChartFormat.Svg).Single();

        // Fails on a machine where no font could be loaded: SkiaSharp then writes no text at all.
        var texts = ChartFiles.SvgTexts(svg);
        Assert.Contains(title, texts);
        Assert.Contains(xLabel, texts);
        Assert.Contains(yLabel, texts);
        Assert.Contains(texts, t => t.StartsWith("scenario charts-test, seed 7", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("ids-per-server", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("tickets-shared-key", StringComparison.Ordinal));
    }

    [Fact]
    public void Draw_CategoricalSweep_LabelsTheCategories()
    {
        using var temp = new TempFolder();

        var svg = RunCharts.Draw(SampleRun.BalancerSweep(), temp.Path, ["resumption"], ChartFormat.Svg).Single();

        var texts = ChartFiles.SvgTexts(svg);
        Assert.Contains("Resumption rate vs farm.balancer", texts);
        Assert.Contains("round-robin", texts);
        Assert.Contains("session-sticky", texts);
        Assert.Contains("source-hash", texts);
    }

    [Fact]
    public void Draw_TwoSweepKeys_MakesOneSeriesPerStrategyAndOtherValue()
    {
        using var temp = new TempFolder();

        var svg = RunCharts.Draw(SampleRun.ClientsAndServersSweep(), temp.Path, ["resumption"], ChartFormat.Svg).Single();

        var texts = ChartFiles.SvgTexts(svg);
        Assert.Contains("Resumption rate vs clients.count", texts);
        Assert.Contains("ids-per-server (farm.servers=2)", texts);
        Assert.Contains("ids-per-server (farm.servers=4)", texts);
        Assert.Contains("no-resumption (farm.servers=4)", texts);
    }

    [Fact]
    public void Draw_Memory_WhenClientsAreSwept_PlotsPeakBytesAgainstClients()
    {
        using var temp = new TempFolder();

        var svg = RunCharts.Draw(SampleRun.ClientsAndServersSweep(), temp.Path, ["memory"], ChartFormat.Svg).Single();

        var texts = ChartFiles.SvgTexts(svg);
        Assert.Contains("Peak session store memory vs clients", texts);
        Assert.Contains("clients.count (swept, value as in the scenario)", texts);
        Assert.Contains("Peak session store memory (MiB)", texts);
    }

    [Fact]
    public void Draw_LatencyCdf_TooManyLinesForASweep_DrawsTheFirstPointAndSaysSo()
    {
        using var temp = new TempFolder();
        var many = SampleRun.Build([.. Enumerable.Range(1, 5).Select(n => new SweepCell[] { new("farm.servers", n.ToString(System.Globalization.CultureInfo.InvariantCulture)) })]);

        var svg = RunCharts.Draw(many, temp.Path, ["latency-cdf"], ChartFormat.Svg).Single();

        var texts = ChartFiles.SvgTexts(svg);
        Assert.Contains(texts, t => t.EndsWith("at farm.servers=1 (first sweep point)", StringComparison.Ordinal));
        Assert.Contains("ids-per-server", texts);
    }

    [Fact]
    public void Draw_OneReplication_SaysThereIsNoInterval()
    {
        using var temp = new TempFolder();

        var svg = RunCharts.Draw(SampleRun.NoSweep(replications: 1), temp.Path, ["resumption"], ChartFormat.Svg).Single();

        Assert.Contains("scenario charts-test, seed 7, 1 replication (no confidence interval)", ChartFiles.SvgTexts(svg));
    }

    [Fact]
    public void Draw_ChartsWithoutData_AreSkippedWithAReason()
    {
        using var temp = new TempFolder();
        var bare = SampleRun.Build([[]], latency: false, timeseries: false, store: false);

        var files = RunCharts.Draw(bare, temp.Path, RunCharts.Names, ChartFormat.Png, out var skipped);

        Assert.Equal(["latency-cdf", "page-cdf", "cpu", "servers-cpu", "memory", "timeline", "resumption-time"], skipped.Select(s => s.Name));
        Assert.Contains("'handshake'", skipped[0].Reason);
        Assert.Contains("timeseries.csv", skipped[2].Reason);
        Assert.Contains("per-server", skipped[3].Reason);
        Assert.Contains("session store", skipped[4].Reason);
        Assert.Equal(["resumption", "capacity", "comparison"], files.Select(Path.GetFileNameWithoutExtension));
    }

    [Fact]
    public void Draw_EmptyRun_SkipsEveryChart_WithoutThrowing()
    {
        using var temp = new TempFolder();
        var empty = SampleRun.Build([], latency: false, timeseries: false);

        var files = RunCharts.Draw(empty, temp.Path, RunCharts.Names, ChartFormat.Both, out var skipped);

        Assert.Empty(files);
        Assert.Equal(RunCharts.Names, skipped.Select(s => s.Name));
    }

    [Fact]
    public void Draw_UnknownName_ThrowsListingTheValidNames_AndWritesNothing()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("charts");

        var e = Assert.Throws<ArgumentException>(() => RunCharts.Draw(SampleRun.NoSweep(), folder, ["resumption", "pie"], ChartFormat.Both));

        Assert.Contains("'pie'", e.Message);
        Assert.Contains("resumption, latency-cdf, page-cdf, cpu, servers-cpu, capacity, memory, comparison", e.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData(ChartFormat.Png, ".png")]
    [InlineData(ChartFormat.Svg, ".svg")]
    public void Draw_OneFormat_WritesOnlyThatFormat(ChartFormat format, string extension)
    {
        using var temp = new TempFolder();

        var files = RunCharts.Draw(SampleRun.NoSweep(), temp.Path, ["cpu", "comparison"], format);

        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal(extension, Path.GetExtension(f)));
        Assert.Equal(2, Directory.GetFiles(temp.Path).Length);
    }

    [Fact]
    public void Draw_FromARunFolderReadBack_GivesTheSameCharts()
    {
        using var temp = new TempFolder();
        var folder = RunWriter.Write(temp.Path, "charts-test", "r1", SampleRun.ServersSweep());

        var files = RunCharts.Draw(RunReader.Read(folder), Path.Combine(folder, "charts"), RunCharts.Names, ChartFormat.Both, out var skipped);

        Assert.Empty(skipped);
        Assert.Equal(2 * RunCharts.Names.Count, files.Count);
    }
}
