using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

/// <summary>The ziggurat behind <see cref="RandomStream.NextExponential"/> (Marsaglia and Tsang, 2000).</summary>
public sealed class ExponentialZigguratTests
{
    [Fact]
    public void Tables_EveryLayerHasAreaV_AndTheRecursionEndsAtZero()
    {
        double[] x = ExponentialZiggurat.Edges;
        // Base layer: the rectangle [0, R] x [0, e^-R] plus the tail beyond R, whose area is e^-R.
        Assert.Equal(ExponentialZiggurat.V, x[0] * Math.Exp(-ExponentialZiggurat.R), 15);
        Assert.Equal(ExponentialZiggurat.V, (ExponentialZiggurat.R + 1) * Math.Exp(-ExponentialZiggurat.R), 15);
        for (int i = 1; i < 256; i++)
        {
            Assert.True(x[i + 1] < x[i], $"edge {i + 1} is not left of edge {i}");
            Assert.Equal(ExponentialZiggurat.V, x[i] * (Math.Exp(-x[i + 1]) - Math.Exp(-x[i])), 12);
        }

        // Where the recursion itself would put x_256 (set to 0 in the table).
        double landing = -Math.Log((ExponentialZiggurat.V / x[255]) + Math.Exp(-x[255]));
        Assert.InRange(landing, -1e-9, 1e-9);
    }

    [Fact]
    public void NextExponential_MatchesTheExponentialCdf_KolmogorovSmirnov()
    {
        var rng = new RandomStream(11);
        const int n = 1_000_000;
        var draws = new double[n];
        for (int i = 0; i < n; i++)
        {
            draws[i] = rng.NextExponential(1.0);
        }

        Array.Sort(draws);
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double cdf = -double.ExpM1(-draws[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - cdf, cdf - ((double)i / n)));
        }

        // Kolmogorov's 0.1 % critical value is 1.95 / sqrt(n) = 0.00195.
        Assert.True(d < 1.95 / Math.Sqrt(n), $"KS distance {d}");
    }

    [Fact]
    public void NextExponential_TailBeyondTheBaseLayer_HasTheExponentialsWeight()
    {
        // Beyond R = 7.697 every draw comes from the base layer's tail path; P(X > t) = e^-t.
        var rng = new RandomStream(12);
        const int n = 4_000_000;
        int beyondR = 0;
        int beyond10 = 0;
        for (int i = 0; i < n; i++)
        {
            double x = rng.NextExponential(1.0);
            beyondR += x > ExponentialZiggurat.R ? 1 : 0;
            beyond10 += x > 10 ? 1 : 0;
        }

        // Expected 1,816 and 182; 5 standard deviations either side.
        AssertCount(beyondR, n * Math.Exp(-ExponentialZiggurat.R));
        AssertCount(beyond10, n * Math.Exp(-10));
    }

    [Fact]
    public void NextExponential_BeyondTwiceR_TakesTheTailPathTwice()
    {
        // A draw beyond 2R = 15.39 goes through the tail twice, adding R each time: P = e^-2R = 2.07e-7,
        // 41 expected in 2 x 10^8 draws; a tail that forgot its first R would give none.
        var rng = new RandomStream(15);
        const int n = 200_000_000;
        int beyond2R = 0;
        for (int i = 0; i < n; i++)
        {
            beyond2R += rng.NextExponential(1.0) > 2 * ExponentialZiggurat.R ? 1 : 0;
        }

        AssertCount(beyond2R, n * Math.Exp(-2 * ExponentialZiggurat.R));
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(2.0)]
    public void NextExponential_MassBelowAPoint_MatchesTheDistribution(double upper)
    {
        // Points between a layer's inner and outer edge take the rejection test. The top layer,
        // [0, 0.064] x [0.938, 1], is all such points and half its accepted mass lies below 0.02: a
        // test that kept the points above the curve instead gives 75,800-76,000 draws below 0.02
        // where 79,205 are expected, 12 standard deviations off.
        var rng = new RandomStream(13);
        const int n = 4_000_000;
        int below = 0;
        for (int i = 0; i < n; i++)
        {
            below += rng.NextExponential(1.0) < upper ? 1 : 0;
        }

        AssertCount(below, n * -double.ExpM1(-upper));
    }

    [Fact]
    public void NextExponential_SameSeed_SameDraws()
    {
        var a = new RandomStream(14);
        var b = new RandomStream(14);
        for (int i = 0; i < 100_000; i++)
        {
            Assert.Equal(a.NextExponential(3.0), b.NextExponential(3.0));
        }
    }

    private static void AssertCount(int observed, double expected)
    {
        double sigma = Math.Sqrt(expected);
        Assert.InRange(observed, expected - (5 * sigma), expected + (5 * sigma));
    }
}
