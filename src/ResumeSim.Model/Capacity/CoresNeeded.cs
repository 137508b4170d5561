namespace ResumeSim.Model.Capacity;

/// <summary>
/// How many cores a server needs for the load it saw in one time-series bucket, by the two targets
/// a capacity planner states: a utilization ceiling, and a ceiling on the 99th percentile of the
/// wait for a core. The wait is approximated for a multi-core FCFS server (M/G/c): Erlang C gives
/// the chance to wait and, for exponential service, the wait tail P(W > t) = C e^{-(c mu - lambda) t};
/// the Allen-Cunneen correction scales the wait by (1 + cs^2) / 2 for service times with squared
/// coefficient of variation cs^2 (handshake costs are near-deterministic per kind, a mix of a few).
/// </summary>
public static class CoresNeeded
{
    /// <summary>The fewest cores keeping utilization (offered work / cores) at or below <paramref name="target"/>.</summary>
    /// <param name="busyCores">Offered work in cores: busy core-time over the bucket's length.</param>
    public static int ForUtilization(double busyCores, double target) =>
        (int)Math.Max(1, Math.Ceiling((busyCores / target) - 1e-9));

    /// <summary>
    /// The fewest cores whose approximate p99 wait is at most <paramref name="targetSeconds"/>.
    /// </summary>
    /// <param name="arrivalRate">Handshakes per second.</param>
    /// <param name="meanService">Mean service time, seconds.</param>
    /// <param name="serviceScv">Squared coefficient of variation of service times.</param>
    public static int ForWaitP99(double arrivalRate, double meanService, double serviceScv, double targetSeconds)
    {
        if (arrivalRate <= 0 || meanService <= 0)
        {
            return 1;
        }

        var offered = arrivalRate * meanService;
        for (var c = Math.Max(1, (int)Math.Floor(offered) + 1); c < 1_000_000; c++)
        {
            if (WaitPercentile(c, arrivalRate, meanService, serviceScv, 0.99) <= targetSeconds)
            {
                return c;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(targetSeconds), "no core count meets the wait target");
    }

    /// <summary>Approximate wait percentile (seconds) of an M/G/c queue with c cores; infinity when unstable.</summary>
    public static double WaitPercentile(int cores, double arrivalRate, double meanService, double serviceScv, double percentile)
    {
        var offered = arrivalRate * meanService;
        if (offered >= cores)
        {
            return double.PositiveInfinity;
        }

        var waitProbability = ErlangC(cores, offered);
        var tail = 1 - percentile;
        if (waitProbability <= tail)
        {
            return 0;
        }

        var drain = (cores / meanService) - arrivalRate;
        return Math.Log(waitProbability / tail) / drain * ((1 + serviceScv) / 2);
    }

    /// <summary>Erlang C: the probability that an arrival waits, with c servers and offered load a (Erlangs), a &lt; c.</summary>
    public static double ErlangC(int cores, double offered)
    {
        // Erlang B by its stable recursion, then C = B / (1 - rho (1 - B)).
        var b = 1.0;
        for (var k = 1; k <= cores; k++)
        {
            b = offered * b / (k + (offered * b));
        }

        var rho = offered / cores;
        return b / (1 - (rho * (1 - b)));
    }
}
