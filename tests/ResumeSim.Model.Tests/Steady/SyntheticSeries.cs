using MathNet.Numerics.Distributions;

namespace ResumeSim.Model.Tests.Steady;

/// <summary>Seeded output series with a known shape, for the truncation and drift tests.</summary>
internal static class SyntheticSeries
{
    /// <summary>
    /// A stationary AR(1) series of standard deviation 1 (lag-1 correlation <paramref name="phi"/>), started
    /// in its stationary distribution, plus <paramref name="transient"/>(i) at observation i.
    /// </summary>
    public static double[] Ar1(int seed, int length, double phi, Func<int, double>? transient = null)
    {
        var random = new Random(seed);
        var innovation = Math.Sqrt(1 - (phi * phi));
        var x = Normal.Sample(random, 0, 1);
        var series = new double[length];
        for (var i = 0; i < length; i++)
        {
            series[i] = x + (transient?.Invoke(i) ?? 0);
            x = (phi * x) + (innovation * Normal.Sample(random, 0, 1));
        }

        return series;
    }

    /// <summary>Means of consecutive batches of 5, as MSER-5 takes them.</summary>
    public static double[] Batched(double[] series)
    {
        var batches = new double[series.Length / 5];
        for (var b = 0; b < batches.Length; b++)
        {
            batches[b] = series.Skip(b * 5).Take(5).Average();
        }

        return batches;
    }
}
