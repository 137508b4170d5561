using ResumeSim.Model.Configuration;

namespace ResumeSim.Model.Validation;

/// <summary>
/// The per-client visit rates a scenario gives its clients: uniform, or Zipf where client i (rank i)
/// gets a share proportional to 1/(i+1)^s of all visits and the mean over clients stays
/// <c>visits.rate</c>. The simulated population and the validation theory both use it.
/// </summary>
public static class VisitRates
{
    public static double[] Of(ClientsConfig clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var rates = new double[clients.Count];
        if (clients.Popularity.Kind != PopularityKind.Zipf)
        {
            Array.Fill(rates, clients.VisitsPerSecond);
            return rates;
        }

        var sum = 0.0;
        for (var i = 0; i < rates.Length; i++)
        {
            rates[i] = Math.Pow(i + 1, -clients.Popularity.Exponent);
            sum += rates[i];
        }

        var total = clients.VisitsPerSecond * clients.Count;
        for (var i = 0; i < rates.Length; i++)
        {
            rates[i] = total * rates[i] / sum;
        }

        return rates;
    }
}
