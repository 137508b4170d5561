namespace ResumeSim.Engine;

/// <summary>
/// Samples Zipf ranks, P(rank k) ∝ (k+1)^-s for k = 0..n-1, in O(1) expected time and O(1) memory
/// for any n (10^8 clients included) and any s &gt; 0, including s &lt; 1 and s = 1.
/// </summary>
/// <remarks>
/// Rejection-inversion (W. Hormann and G. Derflinger, "Rejection-inversion to generate variates
/// from monotone discrete distributions", ACM TOMACS 6(3), 1996): invert the integral H of the
/// continuous hat h(x) = x^-s around each integer, accept when the point falls under the bar of
/// the integer. Expected iterations stay close to 1 for every s, so no table of n weights is
/// needed (a table for 10^8 clients would be 800 MB). H and its inverse are written with
/// expm1/log1p-style helpers so s = 1 (where H is a logarithm) needs no special case.
/// </remarks>
public sealed class ZipfSampler
{
    private readonly long _n;
    private readonly double _s;
    private readonly double _hIntegralX1;
    private readonly double _hIntegralN;
    private readonly double _squeeze;

    /// <summary>Creates a sampler over <paramref name="n"/> ranks with exponent <paramref name="exponent"/>.</summary>
    public ZipfSampler(long n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (!(exponent > 0) || double.IsInfinity(exponent))
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The Zipf exponent must be positive and finite.");
        }

        _n = n;
        _s = exponent;
        _hIntegralX1 = HIntegral(1.5) - 1.0;
        _hIntegralN = HIntegral(n + 0.5);
        _squeeze = 2.0 - HIntegralInverse(HIntegral(2.5) - H(2.0));
    }

    /// <summary>Number of ranks.</summary>
    public long N => _n;

    /// <summary>The exponent s.</summary>
    public double Exponent => _s;

    /// <summary>A 0-based rank; rank 0 is the most popular.</summary>
    public long Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        while (true)
        {
            // u is uniform over (H(1.5) - 1, H(n + 0.5)]: the area under the hat for ranks 1..n.
            double u = _hIntegralN + rng.NextDouble() * (_hIntegralX1 - _hIntegralN);
            double x = HIntegralInverse(u);
            long k = (long)(x + 0.5);
            k = Math.Clamp(k, 1, _n);

            // Quick accept inside the squeeze, else the exact test against the bar of k.
            if (k - x <= _squeeze || u >= HIntegral(k + 0.5) - H(k))
            {
                return k - 1;
            }
        }
    }

    /// <summary>The exact probability of a 0-based rank (O(n) normalisation; for tests and small n).</summary>
    public double Probability(long rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, _n);
        double total = 0;
        for (long k = _n; k >= 1; k--)
        {
            total += Math.Pow(k, -_s);
        }

        return Math.Pow(rank + 1, -_s) / total;
    }

    private double H(double x) => Math.Exp(-_s * Math.Log(x));

    /// <summary>H(x) = (x^(1-s) - 1) / (1 - s), which tends to ln x as s → 1.</summary>
    private double HIntegral(double x)
    {
        double logX = Math.Log(x);
        return ExpM1OverX((1.0 - _s) * logX) * logX;
    }

    private double HIntegralInverse(double x)
    {
        double t = x * (1.0 - _s);
        if (t < -1.0)
        {
            // Rounding can push t just below -1 at the far end; -1 maps to the largest x.
            t = -1.0;
        }

        return Math.Exp(Log1POverX(t) * x);
    }

    /// <summary>(e^x - 1) / x, accurate near 0 (Kahan's trick for expm1).</summary>
    private static double ExpM1OverX(double x)
    {
        if (Math.Abs(x) < 1e-8)
        {
            return 1.0 + x * 0.5 * (1.0 + x / 3.0 * (1.0 + 0.25 * x));
        }

        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return 1.0;
        }

        double um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 / x : um1 / Math.Log(u);
    }

    /// <summary>ln(1 + x) / x, accurate near 0.</summary>
    private static double Log1POverX(double x)
    {
        if (Math.Abs(x) < 1e-8)
        {
            return 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
        }

        double u = 1.0 + x;
        return u == 1.0 ? 1.0 : Math.Log(u) / (u - 1.0);
    }
}
