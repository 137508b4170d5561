namespace ResumeSim.Bench.Queueing;

/// <summary>Closed-form mean waits the engine is validated against (DESIGN §7).</summary>
public static class QueueingTheory
{
    /// <summary>
    /// Erlang C: the probability that an arrival waits in an M/M/c queue with offered load
    /// <paramref name="offeredLoad"/> = λ/μ (Erlangs), computed through the Erlang B recursion
    /// B(k) = a·B(k-1) / (k + a·B(k-1)), which never forms a^c or c! and so stays stable for large c.
    /// </summary>
    public static double ErlangC(int servers, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        if (!(offeredLoad > 0) || offeredLoad >= servers)
        {
            throw new ArgumentOutOfRangeException(nameof(offeredLoad), offeredLoad, "Need 0 < load < servers for a stable queue.");
        }

        double b = 1.0;
        for (int k = 1; k <= servers; k++)
        {
            b = offeredLoad * b / (k + offeredLoad * b);
        }

        return servers * b / (servers - offeredLoad * (1 - b));
    }

    /// <summary>Mean wait in queue of M/M/c: Wq = C(c, λ/μ) / (cμ - λ), in the units of 1/λ.</summary>
    public static double MmcMeanWait(int servers, double arrivalRate, double serviceRate) =>
        ErlangC(servers, arrivalRate / serviceRate) / (servers * serviceRate - arrivalRate);

    /// <summary>Pollaczek-Khinchine mean wait of M/G/1: Wq = λ·E[S²] / (2(1 - ρ)).</summary>
    public static double Mg1MeanWait(double arrivalRate, double meanService, double secondMomentService)
    {
        double rho = arrivalRate * meanService;
        if (!(rho > 0) || rho >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalRate), arrivalRate, "Need 0 < rho < 1 for a stable queue.");
        }

        return arrivalRate * secondMomentService / (2 * (1 - rho));
    }

    /// <summary>M/D/1 (constant service D): Wq = ρ·D / (2(1 - ρ)).</summary>
    public static double Md1MeanWait(double arrivalRate, double serviceTime) =>
        Mg1MeanWait(arrivalRate, serviceTime, serviceTime * serviceTime);
}
