using ResumeSim.Bench;

namespace ResumeSim.Cli.Tests;

/// <summary>The one line a scale-benchmark child prints for its parent (<see cref="ScaleChildResultLine"/>).</summary>
public sealed class ScaleChildResultLineTests
{
    private static ScaleChildResult Sample(double held = 843.912_345_678_901_2) => new(
        new ScaleMeasurement(
            "tickets-shared-key", "child", 10_000_000, 100_019_795, 400_072_909, 100_019_795,
            2871.512_345_678_9, 1041.1, held, 95.123_456_789, 0.900_123_456_789_012_3, 383.4, 244, 11),
        7_850_000_384,
        32_684.571_428_571_43,
        long.MaxValue - 5,
        -17);

    [Fact]
    public void Parse_OfFormat_GivesBackEveryValueExactly()
    {
        var written = Sample();

        var read = ScaleChildResultLine.Parse(ScaleChildResultLine.Format(written));

        Assert.Equal(written, read);
    }

    [Fact]
    public void Parse_OfFormat_KeepsNotANumber()
    {
        var read = ScaleChildResultLine.Parse(ScaleChildResultLine.Format(Sample(held: double.NaN)));

        Assert.True(double.IsNaN(read.Measurement.HeldBytesPerClient));
    }

    [Fact]
    public void Format_IsOneLineStartingWithTheVersionedPrefix()
    {
        var line = ScaleChildResultLine.Format(Sample());

        Assert.StartsWith(ScaleChildResultLine.Prefix + " strategy=tickets-shared-key ", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.True(ScaleChildResultLine.IsResultLine(line));
    }

    [Theory]
    [InlineData("  ids-per-server: 3/20 of simulated time, 1,000 events")]
    [InlineData("resumesim-scale-result/10 strategy=x")]
    [InlineData("")]
    public void IsResultLine_OtherLines_AreNot(string line)
    {
        Assert.False(ScaleChildResultLine.IsResultLine(line));
    }

    [Fact]
    public void Format_StrategyNameWithASpace_IsRefused()
    {
        var bad = Sample() with { Measurement = Sample().Measurement with { Strategy = "two words" } };

        Assert.Throws<ArgumentException>(() => ScaleChildResultLine.Format(bad));
    }

    [Fact]
    public void Parse_LineCutShort_SaysWhichKeysAreMissing()
    {
        var line = ScaleChildResultLine.Format(Sample());
        var cut = line[..line.IndexOf(" peak_rss_b=", StringComparison.Ordinal)];

        var error = Assert.Throws<FormatException>(() => ScaleChildResultLine.Parse(cut));

        Assert.Contains("incomplete", error.Message, StringComparison.Ordinal);
        Assert.Contains("peak_rss_b, crypto_floor_pairs_per_s, run_start_ts, run_end_ts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("connections", "connections=1e8", "connections='1e8' is not a whole number")]
    [InlineData("wall_s", "wall_s=fast", "wall_s='fast' is not a number")]
    [InlineData("gen0", "gen0=244 gen0=245", "'gen0' appears twice")]
    [InlineData("gen2", "gen2=11 colour=blue", "unknown key 'colour'")]
    [InlineData("gen2", "gen2=11 stray", "'stray' is not key=value")]
    [InlineData("gen2", "gen2=99999999999", "gen2='99999999999' is out of range")]
    public void Parse_MalformedPair_SaysWhatIsWrong(string key, string replacement, string expected)
    {
        var pairs = ScaleChildResultLine.Format(Sample()).Split(' ');
        var broken = string.Join(' ', pairs.Select(p => p.StartsWith(key + "=", StringComparison.Ordinal) ? replacement : p));

        var error = Assert.Throws<FormatException>(() => ScaleChildResultLine.Parse(broken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnotherFormatVersion_IsNotAResultLine()
    {
        var line = "resumesim-scale-result/2" + ScaleChildResultLine.Format(Sample())[ScaleChildResultLine.Prefix.Length..];

        var error = Assert.Throws<FormatException>(() => ScaleChildResultLine.Parse(line));

        Assert.Contains("not a scale result line", error.Message, StringComparison.Ordinal);
    }
}
