using ResumeSim.Charts.Drawing;
using ResumeSim.Results;

namespace ResumeSim.Charts.Tests;

public sealed class ChartStyleTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData("servers-cpu")]
    [InlineData("latency-cdf")]
    [InlineData("resumption")]
    public void Draw_Legend_StandsRightOfTheDataArea(string name)
    {
        using var temp = new TempFolder();

        var svg = RunCharts.Draw(SampleRun.ServersSweep(), temp.Path, [name], ChartFormat.Svg).Single();

        var texts = ChartFiles.SvgTextPositions(svg);
        var legend = texts.Where(t => t.Text.StartsWith("ids-per-server", StringComparison.Ordinal)).ToList();
        var bottomTicks = texts.Where(t => t.Y > 500 && t.Y < 580 && t.Text.Length > 0 && char.IsDigit(t.Text[0])).ToList();
        Assert.NotEmpty(legend);
        Assert.NotEmpty(bottomTicks);
        Assert.All(legend, l => Assert.True(l.X > bottomTicks.Max(t => t.X), $"legend '{l.Text}' at x={l.X} is inside the data area"));
    }

    [Fact]
    public void Draw_ComparisonLegend_StandsRightOfEveryBarGroup()
    {
        using var temp = new TempFolder();

        var svg = RunCharts.Draw(SampleRun.ServersSweep(), temp.Path, ["comparison"], ChartFormat.Svg).Single();

        var texts = ChartFiles.SvgTextPositions(svg);
        var legend = texts.Where(t => t.Text.StartsWith("ids-per-server", StringComparison.Ordinal)).ToList();
        var barLabels = texts.Where(t => t.Text.EndsWith('%') || t.Text.EndsWith(" ms", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(legend);
        Assert.NotEmpty(barLabels);
        Assert.All(legend, l => Assert.True(l.X > barLabels.Max(b => b.X), $"legend '{l.Text}' at x={l.X} is over the bars"));
    }

    [Fact]
    public void ColorAndPattern_FortySeries_AreAllDistinct()
    {
        var styles = Enumerable.Range(0, 40).Select(i => (ChartCanvas.ColorOf(i), ChartCanvas.PatternOf(i))).ToList();

        Assert.Equal(40, styles.Distinct().Count());
        Assert.Equal(ChartCanvas.ColorOf(0), ChartCanvas.ColorOf(10));
        Assert.NotEqual(ChartCanvas.PatternOf(0), ChartCanvas.PatternOf(10));
    }

    [Fact]
    public void Draw_MoreThanTenLines_DashesTheEleventhOn()
    {
        using var temp = new TempFolder();
        var twelve = SampleRun.Build([.. Enumerable.Range(1, 4).Select(n => new SweepCell[] { new("farm.servers", n.ToString(System.Globalization.CultureInfo.InvariantCulture)) })]);

        var nine = RunCharts.Draw(SampleRun.ServersSweep(), temp.Sub("nine"), ["cpu"], ChartFormat.Svg).Single();
        var svg = RunCharts.Draw(twelve, temp.Sub("twelve"), ["cpu"], ChartFormat.Svg).Single();

        // SkiaSharp's SVG writes a dashed line as filled dash outlines; a solid one as a stroke.
        var firstColour = "fill=\"" + ChartCanvas.ColorOf(0).ToHex() + "\"";
        Assert.DoesNotContain(firstColour, File.ReadAllText(nine), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(firstColour, File.ReadAllText(svg), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no-resumption (farm.servers=4)", ChartFiles.SvgTexts(svg));
    }

    [Fact]
    public void TitleLines_LongSubtitle_WrapsAtSpaces_EachLineFittingTheWidth()
    {
        var subtitle = string.Join(' ', Enumerable.Repeat("scenario-with-a-long-name", 12));

        var lines = ChartCanvas.TitleLines("Title\n" + subtitle, ChartCanvas.TitleSize, ChartCanvas.TitleWidth);

        Assert.Equal("Title", lines[0]);
        Assert.True(lines.Count > 2, string.Join(" | ", lines));
        Assert.Equal(subtitle, string.Join(' ', lines.Skip(1)));
        using var paint = ScottPlot.Paint.NewDisposablePaint();
        Assert.All(lines, l => Assert.True(ChartCanvas.MeasureWidth(l, ChartCanvas.TitleSize, paint) <= ChartCanvas.TitleWidth, l));
    }

    [Fact]
    public void Draw_LongScenarioName_KeepsTheWholeSubtitle()
    {
        using var temp = new TempFolder();
        var sample = SampleRun.NoSweep();
        var name = "capacity-planning-for-the-european-edge-farm-after-the-2027-migration-with-" + new string('x', 40);
        var run = new RunOutput { ScenarioYaml = sample.ScenarioYaml, Manifest = sample.Manifest with { Scenario = name }, Summary = sample.Summary, Timeseries = sample.Timeseries };

        var svg = RunCharts.Draw(run, temp.Path, ["cpu"], ChartFormat.Svg).Single();

        var texts = ChartFiles.SvgTextPositions(svg);
        // The title's lines share one position (the lines of one label); the x-axis label is far below.
        var title = texts.Where(t => t.Y < 100).Select(t => t.Text).ToList();
        Assert.Equal("Farm CPU utilization over time", title[0]);
        Assert.True(title.Count > 2, string.Join(" | ", title));
        var subtitle = title.Skip(1).Aggregate("", (joined, line) => joined.Length == 0 || joined.EndsWith('-') ? joined + line : joined + " " + line);
        Assert.Equal($"scenario {name}, seed 7, 3 replications averaged per bucket", subtitle);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("resumption")]
    [InlineData("resumption-time")]
    [InlineData("latency-cdf")]
    [InlineData("servers-cpu")]
    public void Draw_PercentAxis_TicksCarryAPercentSign(string name)
    {
        using var temp = new TempFolder();

        var svg = RunCharts.Draw(SampleRun.ServersSweep(), temp.Path, [name], ChartFormat.Svg).Single();

        var ticks = ChartFiles.SvgTextPositions(svg).Where(t => t.X < 80 && t.Y > 60 && t.Y < 560).Select(t => t.Text).ToList();
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.EndsWith("%", t));
        Assert.Contains("0%", ticks);
    }
}
