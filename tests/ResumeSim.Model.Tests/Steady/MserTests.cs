using ResumeSim.Model.Steady;

namespace ResumeSim.Model.Tests.Steady;

/// <summary>
/// MSER-5 (White 1997; White, Cobb and Spratt 2000): the truncation point is the d minimising the squared
/// standard error of the mean of what is left, searched up to three quarters of the series.
/// </summary>
public sealed class MserTests
{
    [Fact]
    public void Truncation_ConstantSeries_CutsNothing()
    {
        Assert.Equal(0, Mser.Truncation(Enumerable.Repeat(7.0, 200).ToArray()));
    }

    [Fact]
    public void Truncation_FillThenFlat_CutsWhereTheSeriesStopsMoving()
    {
        // A store filling linearly for 30 batches, then full: MSER's statistic is exactly 0 from batch 30 on.
        var series = Enumerable.Range(0, 200).Select(j => (double)Math.Min(j, 30) * 1000).ToArray();

        Assert.Equal(30, Mser.Truncation(series));
    }

    [Fact]
    public void Truncation_HandComputedSeries_MinimisesTheStatistic()
    {
        // 12 batches, so d is searched up to 2 (10 must remain): MSER(0) = 68/144, MSER(1) = 14.5/121, MSER(2) = 0.
        double[] z = [9, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        double Statistic(int d)
        {
            var rest = z.Skip(d).ToArray();
            var mean = rest.Average();
            return rest.Sum(v => (v - mean) * (v - mean)) / (rest.Length * (double)rest.Length);
        }

        var expected = Enumerable.Range(0, 3).MinBy(Statistic);
        Assert.Equal(2, expected);
        Assert.Equal(expected, Mser.Truncation(z));
    }

    [Fact]
    public void Truncation_ExponentialTransientInNoise_CutsAfterMostOfIt()
    {
        // A transient of 5 standard deviations decaying with a time constant of 50 observations (10 batches).
        var series = SyntheticSeries.Ar1(seed: 3, length: 1000, phi: 0.5, transient: i => 5 * Math.Exp(-i / 50.0));

        var d = Mser.Truncation(SyntheticSeries.Batched(series));

        // By 2 time constants the bias is 0.7 sd; by 6 it is 0.01 sd, below the noise of a batch mean.
        Assert.InRange(d * 5, 100, 300);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Truncation_StationarySeries_AlmostNeverLandsInTheSecondHalf(double phi)
    {
        // The failure signal must not fire on a stationary series: 200 seeded series of 200 batches.
        var tooShort = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var batches = SyntheticSeries.Batched(SyntheticSeries.Ar1(seed, 1000, phi));
            tooShort += Mser.Truncation(batches) > batches.Length / 2 ? 1 : 0;
        }

        Assert.True(tooShort <= 2, $"{tooShort} of 200 stationary series called too short");
    }

    [Fact]
    public void Truncation_SeriesStillTrendingAtItsEnd_LandsInTheSecondHalf()
    {
        // Falling by 10 standard deviations until 80% of the series, then flat: too short for MSER's first-half rule.
        var series = SyntheticSeries.Ar1(seed: 5, length: 1000, phi: 0.5, transient: i => i < 800 ? 10 * (800 - i) / 800.0 : 0);

        var batches = SyntheticSeries.Batched(series);

        Assert.True(Mser.Truncation(batches) > batches.Length / 2);
    }

    [Fact]
    public void Truncation_BatchesWithoutObservations_CountNeitherInTheMeanNorInTheLength()
    {
        // NaN batches (no connections) interleaved with the same values give the same cut.
        var plain = Enumerable.Range(0, 100).Select(j => j < 20 ? 5.0 : 1.0 + (0.01 * (j % 3))).ToArray();
        var holed = plain.SelectMany(v => new[] { double.NaN, v }).ToArray();

        Assert.Equal(Mser.Truncation(plain) * 2, Mser.Truncation(holed));
    }

    [Fact]
    public void BackOff_NoiselessCreep_MovesTheCutBackToWhereTheCreepStopsMattering()
    {
        // A store filling for 10 batches, then creeping up by 2 entries a batch from 40,000 (1% over the
        // series), with no noise: MSER cuts deep into the creep. Each batch cut moves the mean of the rest by
        // 1 entry, and 0.2% of the level (80 entries) is too little to simulate away: back by 80 batches.
        var series = Enumerable.Range(0, 200).Select(j => j < 10 ? 4000.0 * j : 40_000 + (2.0 * (j - 10))).ToArray();
        var cut = Mser.Truncation(series);
        var tolerance = 0.002 * Mser.MeanFrom(series, cut);

        var backedOff = Mser.BackOff(series, cut, tolerance);

        Assert.True(cut > 100, $"MSER cut at {cut}: too short");
        Assert.Equal(Math.Max(10, cut - (int)Math.Floor(tolerance)), backedOff);
        Assert.True(backedOff <= 100, "backed off into the first half");
    }

    [Fact]
    public void BackOff_RealTransient_StaysWhereMserCut()
    {
        // Resumption at 0.6 for 20 batches, then 0.25: any earlier cut moves the mean of the rest by far more than 0.001.
        var series = Enumerable.Range(0, 200).Select(j => j < 20 ? 0.6 : 0.25 + (0.0001 * (j % 2))).ToArray();
        var cut = Mser.Truncation(series);

        Assert.Equal(20, cut);
        Assert.Equal(20, Mser.BackOff(series, cut, 0.001));
    }

    [Fact]
    public void BackOff_NeverStepsOverAPartOfTheTransient()
    {
        // A dip and a bump that nearly cancel in the mean: cutting at 1 moves the mean of the rest by 0.018, at 0
        // by only 0.008; going back stops at the bump rather than jumping past it to where the two cancel.
        double[] series = [0.4, 0.9, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7];

        Assert.Equal(2, Mser.BackOff(series, 4, 0.01));
        Assert.Equal(0, Mser.BackOff(series, 4, 0.02));
    }

    [Fact]
    public void LastCandidate_LeavesAQuarterOrTenBatches()
    {
        Assert.Equal(150, Mser.LastCandidate(200));
        Assert.Equal(20, Mser.LastCandidate(30));
        Assert.True(Mser.LastCandidate(10) <= 0);
    }
}
