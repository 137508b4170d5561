using MathNet.Numerics.Distributions;
using ResumeSim.Model.Configuration;

namespace ResumeSim.Scenarios.Budget;

/// <summary>
/// How many visits a run will make, estimated from the visit process before it runs. A heavy tail is
/// where the estimate matters: a Pareto shape just above 1 (or a large lognormal sigma) keeps the mean
/// gap at 1 / rate only through gaps far longer than any run, so within a run nearly every gap is
/// tiny and clients visit hundreds of times as often as <c>visits.rate</c> says.
/// </summary>
internal static class VisitLoad
{
    /// <summary>Simulated seconds a client visits in: the warm-up (an automatic one's longest) and the measured period.</summary>
    public static double SpanSeconds(ScenarioConfig config) =>
        ((config.AutoWarmup?.Max ?? config.Warmup) + config.Duration).TotalSeconds;

    /// <summary>
    /// How many times as many visits the process makes in <paramref name="span"/> seconds as Poisson
    /// visits at the same rate: the ratio of their gaps' means truncated at the span, E[min(gap, span)].
    /// By Wald's identity a renewal process makes about span / E[min(gap, span)] visits in the span.
    /// </summary>
    public static double TailFactor(VisitProcessConfig process, double rate, double span)
    {
        var mean = 1 / rate;
        var poisson = mean * -ExpM1(-span / mean);
        var drawn = process.Kind switch
        {
            VisitProcessKind.Pareto => ParetoTruncatedMean(process.Shape, mean, span),
            VisitProcessKind.LogNormal => LogNormalTruncatedMean(process.Sigma, mean, span),
            _ => poisson,
        };
        return drawn > 0 ? Math.Max(1, poisson / drawn) : double.PositiveInfinity;
    }

    /// <summary>The mean visits per second of the busiest client: Zipf's first, at the peak of the diurnal curve and the largest surge.</summary>
    public static double PeakClientRate(ScenarioConfig config)
    {
        var clients = config.Clients;
        var rate = clients.VisitsPerSecond;
        if (clients.Popularity.Kind == PopularityKind.Zipf && clients.Count > 1)
        {
            // Client 1 gets total / H(N, s); H(N, s) >= 1 + the integral of x^-s from 2 to N + 1, so this errs high.
            var s = clients.Popularity.Exponent;
            double n = clients.Count;
            var harmonic = 1 + (Math.Abs(s - 1) < 1e-9 ? Math.Log((n + 1) / 2) : (Math.Pow(n + 1, 1 - s) - Math.Pow(2, 1 - s)) / (1 - s));
            rate = rate * n / harmonic;
        }

        var surge = 1.0;
        foreach (var fault in config.Faults)
        {
            surge = fault.Kind == FaultKind.Surge ? Math.Max(surge, fault.Multiplier) : surge;
        }

        return rate * (clients.Process.Diurnal?.Max ?? 1) * surge;
    }

    /// <summary>Expected connections of one run: visits times the connections a page opens (every host, every connection).</summary>
    public static double Connections(ScenarioConfig config, double tailFactor)
    {
        double perVisit = config.Pages.Hosts * config.Pages.ConnectionsPerHost;
        if (config.Clients.Trace is { } trace)
        {
            return trace.Count * perVisit;
        }

        return config.Clients.Count * config.Clients.VisitsPerSecond * SpanSeconds(config) * tailFactor * perVisit;
    }

    /// <summary>E[min(X, T)] for Pareto X of shape a and the given mean: scale xm = mean (a - 1) / a, P(X > x) = (xm / x)^a.</summary>
    private static double ParetoTruncatedMean(double a, double mean, double span)
    {
        var xm = mean * (a - 1) / a;
        if (span <= xm)
        {
            return span;
        }

        // xm + the integral of (xm / x)^a from xm to T; -expm1 keeps precision when a is close to 1.
        return xm + (xm / (a - 1) * -ExpM1((a - 1) * Math.Log(xm / span)));
    }

    /// <summary>e^x - 1, by its series near 0 where subtracting 1 would lose the digits (a Pareto shape of 1.0001).</summary>
    private static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x + (x * x / 2) + (x * x * x / 6) : Math.Exp(x) - 1;

    /// <summary>E[min(X, T)] for lognormal X of the given sigma and mean: E[X; X &lt; T] + T P(X >= T).</summary>
    private static double LogNormalTruncatedMean(double sigma, double mean, double span)
    {
        var mu = Math.Log(mean) - (sigma * sigma / 2);
        var z = (Math.Log(span) - mu) / sigma;
        return (mean * Normal.CDF(0, 1, z - sigma)) + (span * (1 - Normal.CDF(0, 1, z)));
    }
}
