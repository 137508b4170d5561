using MathNet.Numerics.Distributions;
using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

public sealed class ZipfSamplerTests
{
    [Theory]
    [InlineData(10, 0.5)]
    [InlineData(10, 1.0)]
    [InlineData(20, 1.5)]
    [InlineData(50, 0.8)]
    [InlineData(1, 1.2)]
    [InlineData(5, 3.0)]
    public void Sample_FrequenciesMatchExactPmf_ByChiSquare(long n, double s)
    {
        var zipf = new ZipfSampler(n, s);
        var rng = new RandomStream((ulong)(n * 1000 + (long)(s * 10)));
        const int draws = 200_000;
        var counts = new long[n];
        for (int i = 0; i < draws; i++)
        {
            counts[zipf.Sample(rng)]++;
        }

        if (n == 1)
        {
            Assert.Equal(draws, counts[0]);
            return;
        }

        double chi2 = 0;
        for (long k = 0; k < n; k++)
        {
            double expected = draws * zipf.Probability(k);
            chi2 += (counts[k] - expected) * (counts[k] - expected) / expected;
        }

        Assert.True(chi2 < ChiSquared.InvCDF(n - 1, 0.999), $"chi2 = {chi2:F1} for n={n}, s={s}");
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(1.0)]
    [InlineData(1.3)]
    public void Sample_HundredMillionRanks_StaysInRangeAndHeadMatchesPmf(double s)
    {
        const long n = 100_000_000;
        var zipf = new ZipfSampler(n, s);
        var rng = new RandomStream(17);
        const int draws = 200_000;
        long rank0 = 0;
        for (int i = 0; i < draws; i++)
        {
            long k = zipf.Sample(rng);
            Assert.InRange(k, 0, n - 1);
            rank0 += k == 0 ? 1 : 0;
        }

        // P(rank 0) = 1 / H(n, s); H by Euler-Maclaurin: sum_{k<=m} k^-s + integral of the tail.
        double p0 = 1.0 / GeneralisedHarmonic(n, s);
        double sd = Math.Sqrt(draws * p0 * (1 - p0));
        Assert.InRange(rank0, draws * p0 - 5 * sd, draws * p0 + 5 * sd);
    }

    [Fact]
    public void Constructor_RejectsBadParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZipfSampler(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZipfSampler(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZipfSampler(10, double.NaN));
    }

    private static double GeneralisedHarmonic(long n, double s)
    {
        const int m = 10_000;
        double sum = 0;
        for (int k = 1; k <= m; k++)
        {
            sum += Math.Pow(k, -s);
        }

        // Tail sum_{k=m+1}^{n} k^-s ≈ integral from m+0.5 to n+0.5 (midpoint rule, error O(m^-s-2)).
        double a = m + 0.5, b = n + 0.5;
        sum += Math.Abs(s - 1) < 1e-12 ? Math.Log(b / a) : (Math.Pow(b, 1 - s) - Math.Pow(a, 1 - s)) / (1 - s);
        return sum;
    }
}
