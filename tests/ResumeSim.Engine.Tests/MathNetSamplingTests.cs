using MathNet.Numerics.Distributions;
using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

/// <summary>MathNet.Numerics distributions sampled with the engine's streams (RandomStream is a System.Random).</summary>
public sealed class MathNetSamplingTests
{
    [Fact]
    public void MathNetDistributions_SameSeed_SameSamples()
    {
        Assert.Equal(Draw(new RandomStreams(5).Get("rtt")), Draw(new RandomStreams(5).Get("rtt")));
        Assert.NotEqual(Draw(new RandomStreams(5).Get("rtt")), Draw(new RandomStreams(6).Get("rtt")));
    }

    [Fact]
    public void MathNetExponential_WithStream_HasTheRightMean()
    {
        var rng = new RandomStreams(8).Get("gaps");
        const int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += Exponential.Sample(rng, 2.0);
        }

        Assert.InRange(sum / n, 0.5 - 5 * 0.5 / Math.Sqrt(n), 0.5 + 5 * 0.5 / Math.Sqrt(n));
    }

    [Fact]
    public void MathNetLogNormal_WithStream_HasTheRightMedian()
    {
        // A lognormal RTT with median 40 ms (DESIGN §6 example): mu = ln 40.
        var rng = new RandomStreams(9).Get("rtt");
        var samples = new double[100_001];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = LogNormal.Sample(rng, Math.Log(40), 0.6);
        }

        Array.Sort(samples);
        Assert.InRange(samples[samples.Length / 2], 39.5, 40.5);
    }

    private static double[] Draw(RandomStream rng) =>
    [
        Exponential.Sample(rng, 3.0),
        LogNormal.Sample(rng, 1.0, 0.5),
        Pareto.Sample(rng, 1.0, 1.5),
        Gamma.Sample(rng, 2.0, 1.0),
        Normal.Sample(rng, 0, 1),
        Weibull.Sample(rng, 1.5, 2.0),
    ];
}
