using ResumeSim.Model.Capacity;

namespace ResumeSim.Model.Validation;

/// <summary>Mean queueing delays of the server CPU queue (seconds), for validation.</summary>
public static class QueueTheory
{
    /// <summary>Pollaczek-Khinchine for M/D/1: Wq = rho * D / (2 (1 - rho)), rho = lambda * D.</summary>
    public static double MD1Wait(double arrivalRate, double service)
    {
        var rho = arrivalRate * service;
        if (rho >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalRate), "the queue is unstable (rho >= 1)");
        }

        return rho * service / (2 * (1 - rho));
    }

    /// <summary>
    /// Erlang C for M/M/c: Wq = C(c, a) / (c mu - lambda), with offered load a = lambda / mu and
    /// C(c, a) the probability that an arrival finds every core busy.
    /// </summary>
    public static double MMcWait(double arrivalRate, double meanService, int cores)
    {
        var offered = arrivalRate * meanService;
        if (offered >= cores)
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalRate), "the queue is unstable (rho >= 1)");
        }

        return CoresNeeded.ErlangC(cores, offered) / ((cores / meanService) - arrivalRate);
    }
}
