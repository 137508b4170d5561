using ResumeSim.Scenarios.Parsing;

namespace ResumeSim.Scenarios.Tests.Parsing;

public sealed class UnitsTests
{
    [Theory]
    [InlineData("250us", 2_500)]
    [InlineData("250µs", 2_500)]
    [InlineData("0.5ms", 5_000)]
    [InlineData("40ms", 400_000)]
    [InlineData("5s", 50_000_000)]
    [InlineData("5m", 3_000_000_000)]
    [InlineData("1.5min", 900_000_000)]
    [InlineData("1h", 36_000_000_000)]
    [InlineData("7d", 6_048_000_000_000)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("10 s", 100_000_000)]
    public void TryParseDuration_AcceptsUnitsAsPeopleWriteThem(string text, long ticks)
    {
        Assert.True(Units.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromTicks(ticks), duration);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-5s")]
    [InlineData("5 minutes")]
    [InlineData("5y")]
    [InlineData("1e3ms")]
    [InlineData("")]
    [InlineData("ms")]
    [InlineData("1.2.3s")]
    [InlineData("99999999999999d")]
    public void TryParseDuration_RejectsBareNumbersAndUnknownUnits(string text)
    {
        Assert.False(Units.TryParseDuration(text, out _));
    }

    [Theory]
    [InlineData("384B", 384, true)]
    [InlineData("10KB", 10 * 1024, true)]
    [InlineData("10KiB", 10 * 1024, true)]
    [InlineData("10MB", 10L * 1024 * 1024, true)]
    [InlineData("10mib", 10L * 1024 * 1024, true)]
    [InlineData("1GB", 1L << 30, true)]
    [InlineData("1GiB", 1L << 30, true)]
    [InlineData("1.5KB", 1536, true)]
    [InlineData("100000", 100000, false)]
    public void TryParseSize_Is1024BasedAndTellsBareNumbersApart(string text, long bytes, bool hadUnit)
    {
        Assert.True(Units.TryParseSize(text, out var parsed, out var unit));
        Assert.Equal(bytes, parsed);
        Assert.Equal(hadUnit, unit);
    }

    [Theory]
    [InlineData("10m")]
    [InlineData("10 megabytes")]
    [InlineData("-1KB")]
    [InlineData("1.5")]
    [InlineData("KB")]
    public void TryParseSize_RejectsAmbiguousOrBadSizes(string text)
    {
        Assert.False(Units.TryParseSize(text, out _, out _));
    }

    [Theory]
    [InlineData("4/h", 4.0 / 3600)]
    [InlineData("4/hour", 4.0 / 3600)]
    [InlineData("10/s", 10.0)]
    [InlineData("10/sec", 10.0)]
    [InlineData("100/m", 100.0 / 60)]
    [InlineData("0.5/min", 0.5 / 60)]
    [InlineData("2/d", 2.0 / 86400)]
    [InlineData("2/day", 2.0 / 86400)]
    [InlineData("6 / h", 6.0 / 3600)]
    public void TryParseRate_ReturnsEventsPerSecond(string text, double perSecond)
    {
        Assert.True(Units.TryParseRate(text, out var parsed));
        Assert.Equal(perSecond, parsed, 12);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("4/week")]
    [InlineData("4 per hour")]
    [InlineData("-4/h")]
    [InlineData("/h")]
    public void TryParseRate_RejectsRatesWithoutAKnownUnit(string text)
    {
        Assert.False(Units.TryParseRate(text, out _));
    }
}
