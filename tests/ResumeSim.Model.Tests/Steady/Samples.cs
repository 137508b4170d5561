using MathNet.Numerics.Distributions;

namespace ResumeSim.Model.Tests.Steady;

/// <summary>Comparing replications: means and 95% intervals, as summary_ci.csv computes them.</summary>
internal static class Samples
{
    public static (double Mean, double HalfWidth) MeanAndHalfWidth(double[] xs)
    {
        var mean = xs.Average();
        var sd = Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
        return (mean, StudentT.InvCDF(0, 1, xs.Length - 1, 0.975) * sd / Math.Sqrt(xs.Length));
    }

    /// <summary>Whether two samples' means agree: their difference within its 95% interval (Welch's t).</summary>
    public static bool Agree(double[] a, double[] b)
    {
        static (double Mean, double Var) Moments(double[] x)
        {
            var mean = x.Average();
            return (mean, x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1) / x.Length);
        }

        var (ma, va) = Moments(a);
        var (mb, vb) = Moments(b);
        var se = Math.Sqrt(va + vb);
        var df = (va + vb) * (va + vb) / ((va * va / (a.Length - 1)) + (vb * vb / (b.Length - 1)));
        return Math.Abs(ma - mb) <= StudentT.InvCDF(0, 1, df, 0.975) * se;
    }

    public static string Show(double[] xs) => string.Join(", ", xs.Select(x => x.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
}
