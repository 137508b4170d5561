using System.Text;
using System.Text.RegularExpressions;
using ResumeSim.Results.Report;

namespace ResumeSim.Results.Tests.Report;

public sealed class SvgLineChartTests
{
    [Theory]
    [InlineData(0.0, 0.83, new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0 })]
    [InlineData(0.0, 480.0, new[] { 0.0, 100, 200, 300, 400, 500 })]
    [InlineData(0.0, 0.005, new[] { 0.0, 0.001, 0.002, 0.003, 0.004, 0.005 })]
    public void Ticks_AreRoundSteps_CoveringTheRange(double low, double high, double[] expected) =>
        Assert.Equal(expected, SvgLineChart.Ticks(low, high));

    [Fact]
    public void Write_LongSeries_IsAveragedToAtMostMaxPoints_AndBrokenAtNaN()
    {
        var points = Enumerable.Range(0, 10_000).Select(i => ((double)i, i is >= 4_000 and < 4_100 ? double.NaN : 0.5)).ToList();
        var html = new StringBuilder();

        SvgLineChart.Write(html, "Resumption rate", "rate", ReportUnit.Fraction, [("ids", points)]);

        var svg = html.ToString();
        var polylines = Regex.Matches(svg, "<polyline[^>]*points=\"([^\"]*)\"").Select(m => m.Groups[1].Value.Trim().Split(' ').Length).ToList();
        Assert.Equal(2, polylines.Count);
        Assert.True(polylines.Sum() <= SvgLineChart.MaxPoints, $"{polylines.Sum()} points");
        Assert.Contains("<title>Resumption rate</title>", svg);
        Assert.Contains(">50%</text>", svg);
    }

    [Fact]
    public void Write_NoFiniteValue_SaysNoData()
    {
        var html = new StringBuilder();

        SvgLineChart.Write(html, "t", "y", ReportUnit.Count, [("ids", [(0.0, double.NaN)])]);

        Assert.Contains(">no data</text>", html.ToString());
    }
}
