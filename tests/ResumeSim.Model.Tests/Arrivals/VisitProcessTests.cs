using ResumeSim.Engine;
using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Randomness;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Tests.Arrivals;

/// <summary>
/// Visit processes beyond Poisson: each keeps the mean rate (within 4 standard errors), the diurnal
/// curve shows in the hourly counts, churn and network changes hit the share they should.
/// </summary>
public sealed class VisitProcessTests
{
    private const double Rate = 4 / 3600.0;
    private const int Clients = 2000;

    [Theory]
    [InlineData(VisitProcessKind.Poisson, 0, 1.0)] // gap sd = mean
    [InlineData(VisitProcessKind.Pareto, 2.5, 0.894)] // sd = mean / sqrt(a (a - 2))
    [InlineData(VisitProcessKind.Pareto, 4.0, 0.354)]
    [InlineData(VisitProcessKind.LogNormal, 1.0, 1.311)] // sd = mean sqrt(e^(s^2) - 1)
    public void Gaps_KeepTheMeanRate(VisitProcessKind kind, double parameter, double sdOverMean)
    {
        var process = Process(new VisitProcessConfig { Kind = kind, Shape = kind == VisitProcessKind.Pareto ? parameter : 1.5, Sigma = kind == VisitProcessKind.LogNormal ? parameter : 1 });
        var gaps = Gaps(process, visitsPerClient: 50);

        var mean = gaps.Average();
        var se = sdOverMean / Rate / Math.Sqrt(gaps.Count);
        Assert.InRange(mean, (1 / Rate) - (4 * se), (1 / Rate) + (4 * se));
    }

    [Fact]
    public void Pareto_HeavyTail_HasTheTheoreticalMedianAndTail()
    {
        // Shape 1.5: finite mean, infinite variance, so test quantiles rather than the mean.
        const double a = 1.5;
        var scale = (a - 1) / a / Rate;
        var gaps = Gaps(Process(new VisitProcessConfig { Kind = VisitProcessKind.Pareto, Shape = a }), visitsPerClient: 50);

        var median = scale * Math.Pow(2, 1 / a);
        var belowMedian = gaps.Count(g => g < median) / (double)gaps.Count;
        var tail = gaps.Count(g => g > 10 / Rate) / (double)gaps.Count;
        var expectedTail = Math.Pow(scale * Rate / 10, a); // P(X > x) = (xm / x)^a
        Assert.InRange(belowMedian, 0.5 - (4 * Math.Sqrt(0.25 / gaps.Count)), 0.5 + (4 * Math.Sqrt(0.25 / gaps.Count)));
        Assert.InRange(tail, expectedTail * 0.8, expectedTail * 1.2);
    }

    [Fact]
    public void Poisson_WithoutDiurnal_IsTheCounterBasedExponentialBitForBit()
    {
        // Scenarios without the new processes must keep their visits (and outputs) byte-identical.
        var process = Process(VisitProcessConfig.Poisson);
        for (var visit = 0; visit < 100; visit++)
        {
            var gap = CounterRandom.Exponential(Rate, 99, RandomStreamIds.VisitGap, 3, (ulong)visit);
            Assert.Equal(1000 + Math.Max(1, SimTime.FromSeconds(gap)), process.NextVisit(3, visit, 1000, Rate));
        }
    }

    [Theory]
    [InlineData(VisitProcessKind.Poisson)]
    [InlineData(VisitProcessKind.LogNormal)]
    public void Diurnal_FollowsTheCurveAndKeepsTheMeanRate(VisitProcessKind kind)
    {
        // 1 + 0.5 cos(2 pi (h - 18) / 24): three times as many visits at 18:00 as at 06:00.
        var diurnal = new DiurnalConfig { Amplitude = 0.5, PeakHour = 18 };
        var process = Process(new VisitProcessConfig { Kind = kind, Sigma = 0.5, Diurnal = diurnal });
        var days = 10;
        var end = SimTime.FromSeconds(days * 86400.0);
        var perHour = new long[24];
        long total = 0;
        for (var c = 0; c < 500; c++)
        {
            var t = 0L;
            for (var v = 0; ; v++)
            {
                t = process.NextVisit(c, v, t, Rate);
                if (t >= end)
                {
                    break;
                }

                perHour[(int)(SimTime.ToSeconds(t) % 86400 / 3600)]++;
                total++;
            }
        }

        var expectedTotal = 500 * Rate * days * 86400;
        Assert.InRange(total, expectedTotal * 0.97, expectedTotal * 1.03);
        for (var h = 0; h < 24; h++)
        {
            // The hour's share is the curve's mean over the hour (integral of the cosine) / 24.
            var integral = 1 + (0.5 * 24 / (2 * Math.PI) * (Math.Sin(2 * Math.PI * (h + 1 - 18) / 24) - Math.Sin(2 * Math.PI * (h - 18) / 24)));
            var expected = total * integral / 24;
            Assert.InRange(perHour[h], expected - (5 * Math.Sqrt(expected)) - (0.03 * expected), expected + (5 * Math.Sqrt(expected)) + (0.03 * expected));
        }

        Assert.InRange(perHour[18] / (double)perHour[6], 2.6, 3.4);
    }

    [Fact]
    public void DiurnalTable_IsScaledToMeanOne()
    {
        var table = DiurnalConfig.FromTable(Enumerable.Range(0, 24).Select(h => h < 12 ? 10.0 : 30.0).ToArray());

        Assert.Equal(0.5, table.Factor(3600 * 5.5), 12);
        Assert.Equal(1.5, table.Factor(3600 * 20), 12);
        Assert.Equal(1.5, table.Max, 12);
    }

    [Fact]
    public void Churn_HitsTheConfiguredShareOfVisits()
    {
        var process = new VisitProcess(new ClientsConfig { Count = Clients, VisitsPerSecond = Rate, Churn = 0.15 }, 99);
        var n = 0;
        var churned = 0;
        for (var c = 0; c < Clients; c++)
        {
            for (var v = 1; v <= 50; v++, n++)
            {
                churned += process.Churns(c, v) ? 1 : 0;
            }
        }

        var se = Math.Sqrt(0.15 * 0.85 / n);
        Assert.InRange(churned / (double)n, 0.15 - (4 * se), 0.15 + (4 * se));
    }

    [Fact]
    public void Mobile_NetworkChangesBetweenVisits_MatchTheRatesRatio()
    {
        // Changes at r = 2/h, visits at 4/h: P(a change in an exponential gap) = r / (r + rate) = 1/3.
        var mobile = new MobileConfig(0.4, 2 / 3600.0);
        var process = new VisitProcess(new ClientsConfig { Count = Clients, VisitsPerSecond = Rate, Mobile = mobile }, 99);
        var mobiles = 0;
        var gaps = 0;
        var changed = 0;
        for (var c = 0; c < Clients; c++)
        {
            if (!process.IsMobile(c))
            {
                continue;
            }

            mobiles++;
            var t = 0L;
            for (var v = 0; v < 50; v++, gaps++)
            {
                var next = process.NextVisit(c, v, t, Rate);
                changed += process.NetworkChanged(c, v + 1, next - t) ? 1 : 0;
                t = next;
            }
        }

        var shareSe = Math.Sqrt(0.4 * 0.6 / Clients);
        Assert.InRange(mobiles / (double)Clients, 0.4 - (4 * shareSe), 0.4 + (4 * shareSe));
        var se = Math.Sqrt((1 / 3.0) * (2 / 3.0) / gaps);
        Assert.InRange(changed / (double)gaps, (1 / 3.0) - (4 * se), (1 / 3.0) + (4 * se));
    }

    private static VisitProcess Process(VisitProcessConfig config) =>
        new(new ClientsConfig { Count = Clients, VisitsPerSecond = Rate, Process = config }, 99);

    private static List<double> Gaps(VisitProcess process, int visitsPerClient)
    {
        var gaps = new List<double>(Clients * visitsPerClient);
        for (var c = 0; c < Clients; c++)
        {
            var t = 0L;
            for (var v = 0; v < visitsPerClient; v++)
            {
                var next = process.NextVisit(c, v, t, Rate);
                gaps.Add(SimTime.ToSeconds(next - t));
                t = next;
            }
        }

        return gaps;
    }
}
