namespace ResumeSim.Model.Validation;

/// <summary>
/// Closed forms and approximations for session-cache hit ratios, against which simulated
/// resumption rates are checked (DESIGN.md section 7, docs/validation.md). Rates are requests per
/// second per client; times in seconds; capacities in entries.
/// </summary>
public static class CacheTheory
{
    /// <summary>
    /// One client revisiting as a Poisson process of rate <paramref name="rate"/>, a session living
    /// <paramref name="timeout"/> from its creation and not refreshed by hits (FIFO stores, nginx,
    /// OpenSSL): a renewal cycle holds one full handshake and on average rate*timeout resumptions.
    /// </summary>
    public static double TtlFromCreation(double rate, double timeout) => rate * timeout / (1 + (rate * timeout));

    /// <summary>
    /// The same client when every resumption restarts the lifetime (TLS 1.3 tickets re-issued on
    /// every resumption): a visit resumes when the gap since the previous visit is under the lifetime.
    /// </summary>
    public static double TtlRefreshedOnHit(double rate, double timeout) => 1 - Math.Exp(-rate * timeout);

    /// <summary>
    /// Che's approximation for an LRU cache of <paramref name="capacity"/> entries under the
    /// independent reference model: the characteristic time t solves sum(1 - exp(-rate_i t)) = C,
    /// item i hits with probability 1 - exp(-rate_i t); returns the request-weighted hit ratio.
    /// </summary>
    public static double CheLru(IReadOnlyList<double> rates, double capacity) =>
        HitRatio(rates, capacity, static (rate, t) => 1 - Math.Exp(-rate * t));

    /// <summary>
    /// The characteristic-time approximation for FIFO (and RANDOM) under the independent reference
    /// model (Martina, Garetto and Leonardi, 2014): item i hits with probability rate_i t / (1 + rate_i t)
    /// where t makes the expected occupancy equal the capacity.
    /// </summary>
    public static double FifoCharacteristicTime(IReadOnlyList<double> rates, double capacity) =>
        HitRatio(rates, capacity, static (rate, t) => rate * t / (1 + (rate * t)));

    /// <summary>
    /// TLS 1.3 ticket depletion: a visit opens <paramref name="connections"/> connections at once and
    /// the client holds at most <paramref name="held"/> single-use tickets per host, refilled to that
    /// cap by every visit (the server sends at least one ticket per handshake). A visit within the
    /// lifetime of the previous visit's tickets resumes min(held, connections) of its connections.
    /// </summary>
    public static double TicketDepletion(double rate, double lifetime, int held, int connections) =>
        TtlRefreshedOnHit(rate, lifetime) * Math.Min(held, connections) / connections;

    /// <summary>Sessions spread over <paramref name="servers"/> unshared caches by a random balancer resume 1/n of the time.</summary>
    public static double UnsharedServers(int servers) => 1.0 / servers;

    private static double HitRatio(IReadOnlyList<double> rates, double capacity, Func<double, double, double> hit)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (capacity >= rates.Count)
        {
            return 1; // everything fits: only compulsory misses, which the steady state does not see
        }

        double Occupancy(double t)
        {
            var sum = 0.0;
            foreach (var rate in rates)
            {
                sum += hit(rate, t);
            }

            return sum;
        }

        // Occupancy grows monotonically with t: bracket, then bisect.
        double low = 0;
        double high = 1;
        while (Occupancy(high) < capacity)
        {
            high *= 2;
        }

        for (var i = 0; i < 200 && high - low > 1e-12 * high; i++)
        {
            var mid = 0.5 * (low + high);
            if (Occupancy(mid) < capacity)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        var tc = 0.5 * (low + high);
        double hits = 0;
        double total = 0;
        foreach (var rate in rates)
        {
            hits += rate * hit(rate, tc);
            total += rate;
        }

        return hits / total;
    }
}
