namespace ResumeSim.Bench.Peers;

/// <summary>
/// Whether two simulators ran the same model: with different random streams their counts differ by
/// chance, so each difference is held to <see cref="Z"/> standard errors of it. Connections are Poisson
/// (variance = mean); resumption is taken as binomial per connection; CPU per connection is
/// base + resumed + (full - resumed) x (1 - resumption rate) in every simulator, so its error is the
/// resumption rate's times (full - resumed), plus what the end of the run may cut: CPU is counted up to
/// the end, and at most one service per core is cut.
/// </summary>
public static class PeerAgreement
{
    /// <summary>
    /// Standard errors allowed. A client's connections are not independent (its sessions expire and
    /// are evicted together), so the binomial error is somewhat too small; five of them still catch
    /// a model that differs by more than about 0.1 percentage points at 10 million connections.
    /// </summary>
    public const double Z = 5;

    /// <summary>Every difference beyond its tolerance, worded for the report; empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(PeerScenario scenario, string nameA, PeerCounts a, string nameB, PeerCounts b)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var found = new List<string>();
        var connectionsTolerance = Z * Math.Sqrt(a.Connections + b.Connections);
        if (Math.Abs(a.Connections - b.Connections) > connectionsTolerance)
        {
            found.Add($"connections {nameA} {a.Connections:N0} vs {nameB} {b.Connections:N0} (tolerance {connectionsTolerance:N0})");
        }

        var rate = ResumptionTolerance(a, b);
        if (Math.Abs(a.ResumptionRate - b.ResumptionRate) > rate)
        {
            found.Add($"resumption rate {nameA} {a.ResumptionRate:P3} vs {nameB} {b.ResumptionRate:P3} (tolerance {rate * 100:F3} points)");
        }

        var cpu = CpuTolerance(scenario, a, b);
        if (Math.Abs(a.CpuMicrosPerConnection - b.CpuMicrosPerConnection) > cpu)
        {
            found.Add($"CPU per connection {nameA} {a.CpuMicrosPerConnection:F2} us vs {nameB} {b.CpuMicrosPerConnection:F2} us (tolerance {cpu:F2} us)");
        }

        return found;
    }

    /// <summary><see cref="Z"/> binomial standard errors of the difference of two resumption rates.</summary>
    public static double ResumptionTolerance(PeerCounts a, PeerCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var p = (double)(a.Resumed + b.Resumed) / (a.Connections + b.Connections);
        return Z * Math.Sqrt(Math.Max(p * (1 - p), 1e-12) * ((1.0 / a.Connections) + (1.0 / b.Connections)));
    }

    /// <summary>The resumption tolerance in CPU per connection (us), plus one cut service per core over the fewer connections.</summary>
    public static double CpuTolerance(PeerScenario scenario, PeerCounts a, PeerCounts b)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var perResumption = scenario.FullMicros - scenario.ResumedMicros;
        var cores = (double)scenario.Config.Farm.Servers * scenario.Config.Farm.Cores;
        var cut = cores * (scenario.FullMicros + scenario.BaseMicros) / Math.Min(a.Connections, b.Connections);
        return (Math.Abs(perResumption) * ResumptionTolerance(a, b)) + cut;
    }
}
