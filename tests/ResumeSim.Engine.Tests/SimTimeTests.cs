using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

public sealed class SimTimeTests
{
    [Fact]
    public void Conversions_AreNanosecondTicks()
    {
        Assert.Equal(1_500_000_000, SimTime.FromSeconds(1.5));
        Assert.Equal(40_000_000, SimTime.FromMilliseconds(40));
        Assert.Equal(1, SimTime.FromMilliseconds(0.000001));
        Assert.Equal(500, SimTime.FromTimeSpan(TimeSpan.FromTicks(5)));
        Assert.Equal(2.5, SimTime.ToSeconds(2_500_000_000));
        Assert.Equal(0.5, SimTime.ToMilliseconds(500_000));
        Assert.Equal(TimeSpan.FromDays(7), SimTime.ToTimeSpan(SimTime.FromTimeSpan(TimeSpan.FromDays(7))));
    }

    [Fact]
    public void FromSeconds_OutOfRangeOrNaN_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimTime.FromSeconds(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimTime.FromSeconds(1e10));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimTime.FromMilliseconds(double.PositiveInfinity));
        Assert.Equal(9_000_000_000L * SimTime.TicksPerSecond, SimTime.FromSeconds(9e9));
    }
}
