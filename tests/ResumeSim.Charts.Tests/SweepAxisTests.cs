using ResumeSim.Charts.Drawing;

namespace ResumeSim.Charts.Tests;

public sealed class SweepAxisTests
{
    [Fact]
    public void Of_NumericValues_PlacesPointsByValue()
    {
        var axis = SweepAxis.Of(new RunData(SampleRun.ServersSweep()))!;

        Assert.Equal("farm.servers", axis.Key);
        Assert.True(axis.IsNumeric);
        Assert.Equal([2.0, 4.0, 8.0], axis.Values.Select(axis.Position));
    }

    [Fact]
    public void Of_TextValues_AreCategoriesInGridOrder()
    {
        var axis = SweepAxis.Of(new RunData(SampleRun.BalancerSweep()))!;

        Assert.False(axis.IsNumeric);
        Assert.Equal(["round-robin", "session-sticky", "source-hash"], axis.Values);
        Assert.Equal([0.0, 1.0, 2.0], axis.Values.Select(axis.Position));
    }

    [Fact]
    public void Of_NoSweep_IsNull()
    {
        Assert.Null(SweepAxis.Of(new RunData(SampleRun.NoSweep())));
    }

    [Fact]
    public void Series_TwoKeys_OneSeriesPerStrategyAndOtherValue_PointsInAxisOrder()
    {
        var data = new RunData(SampleRun.ClientsAndServersSweep());
        var axis = SweepAxis.Of(data)!;

        var series = axis.Series(data);

        Assert.Equal(SampleRun.Strategies.Length * 2, series.Count);
        Assert.Equal("ids-per-server (farm.servers=2)", series[0].Key.Label);
        Assert.Equal(["1000", "5000"], series[0].Points.Select(p => p.Value));
        Assert.Equal("ids-per-server (farm.servers=4)", series[1].Key.Label);
    }
}
