namespace ResumeSim.Results.Tests;

public sealed class SweepCellsTests
{
    [Fact]
    public void Rows_WithEqualSweepInDifferentListInstances_AreEqual()
    {
        var a = new MissRow("s", 0, "expired", 3) { Sweep = [new SweepCell("farm.servers", "4")] };
        var b = new MissRow("s", 0, "expired", 3) { Sweep = new List<SweepCell> { new("farm.servers", "4") } };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Rows_WithDifferentSweepValue_AreNotEqual()
    {
        var a = new MissRow("s", 0, "expired", 3) { Sweep = [new SweepCell("farm.servers", "4")] };

        Assert.NotEqual(a, a with { Sweep = [new SweepCell("farm.servers", "8")] });
    }

    [Fact]
    public void From_CopiesSoLaterChangesToTheSourceDoNotLeakIn()
    {
        var source = new List<SweepCell> { new("farm.servers", "4") };
        var row = new MissRow("s", 0, "expired", 3) { Sweep = source };

        source[0] = new SweepCell("farm.servers", "8");

        Assert.Equal("4", row.Sweep[0].Value);
    }

    [Fact]
    public void HasSameKeys_ComparesKeysInOrderOnly()
    {
        var a = SweepCells.From([new("x", "1"), new("y", "2")]);

        Assert.True(a.HasSameKeys(SweepCells.From([new("x", "9"), new("y", "9")])));
        Assert.False(a.HasSameKeys(SweepCells.From([new("y", "2"), new("x", "1")])));
        Assert.False(a.HasSameKeys(SweepCells.Empty));
    }

    [Fact]
    public void ToString_ListsKeyValuePairs() =>
        Assert.Equal("farm.servers=2, clients.count=1000", SweepCells.From(SampleRuns.Servers2).ToString());
}
