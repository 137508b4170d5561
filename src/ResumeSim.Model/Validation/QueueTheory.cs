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
}
