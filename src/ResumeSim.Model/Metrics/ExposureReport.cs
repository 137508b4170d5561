using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Metrics;

/// <summary>
/// Measures forward-secrecy exposure: how long the server side could still decrypt a recorded session.
/// </summary>
/// <remarks>
/// A ticket key exposes every session it sealed until the last server holding it erases it
/// (RFC 5077 5.5, RFC 8446 C.4); a session store exposes each master secret while it holds it.
/// </remarks>
/// <param name="setup">The strategy's stores and key rings.</param>
/// <param name="strategy">The strategy.</param>
/// <param name="measuredStart">When the measured period starts; keys erased before it are left out.</param>
/// <param name="end">The end of the measured period, for keys never erased.</param>
internal sealed class ExposureReport(ResumptionSetup setup, StrategyConfig strategy, long measuredStart, long end)
{
    /// <summary>Seconds a key or secret stays able to decrypt: the longest, the mean, and the most sessions one key sealed.</summary>
    public readonly record struct Figures(double MaxSeconds, double MeanSeconds, double SessionsMax);

    /// <summary>The exposure of the strategy's longer-lived mechanism; the run ended at <paramref name="runEnd"/>.</summary>
    public Figures Measure(long runEnd)
    {
        var keys = TicketKeyExposure();
        var store = StoreExposure(runEnd);

        // A strategy with both reports the longer-lived mechanism: it bounds what a stolen server exposes.
        if (double.IsNaN(keys.MaxSeconds))
        {
            return store;
        }

        return double.IsNaN(store.MaxSeconds) || keys.MaxSeconds >= store.MaxSeconds ? keys : store;
    }

    /// <summary>
    /// Per key (copies on several servers are one key): creation to the last erasure, or to the end
    /// of the run; keys erased before the measured period are left out.
    /// </summary>
    private Figures TicketKeyExposure()
    {
        var byName = new Dictionary<UInt128, (long Created, long Erased, long Sealed)>();
        foreach (var rotator in setup.Rotators)
        {
            foreach (var key in rotator.ActiveKeys.Concat(rotator.RetiredKeys))
            {
                var erased = key.ErasedAt ?? end;
                var seen = byName.TryGetValue(key.NameValue, out var known) ? known : (key.CreatedAt, erased, 0);
                byName[key.NameValue] = (seen.Created, Math.Max(seen.Erased, erased), seen.Sealed + key.TicketsSealed);
            }
        }

        double max = 0;
        double sum = 0;
        long sessionsMax = 0;
        var n = 0;
        foreach (var (created, erased, sealedCount) in byName.Values)
        {
            if (erased < measuredStart)
            {
                continue;
            }

            var seconds = SimTime.ToSeconds(erased - created);
            max = Math.Max(max, seconds);
            sum += seconds;
            sessionsMax = Math.Max(sessionsMax, sealedCount);
            n++;
        }

        return n == 0 ? new(double.NaN, double.NaN, double.NaN) : new(max, sum / n, sessionsMax);
    }

    /// <summary>
    /// Session stores: each master secret from its put to its removal (eviction, expiry sweep, take,
    /// flush, replacement) in the measured period, or to the end for those still held. An expired
    /// entry the store has not swept yet is still in memory, so it still counts (nginx and OpenSSL
    /// sweep as they store new sessions, so on a quiet server a secret outlives its timeout).
    /// </summary>
    private Figures StoreExposure(long runEnd)
    {
        if (strategy.SessionIds is null || setup.Stores.Count == 0)
        {
            return new(double.NaN, double.NaN, double.NaN);
        }

        var now = runEnd;
        var tally = default(ExposureTally);
        foreach (var store in setup.Stores)
        {
            tally = tally.Merge(store.Counters.RemovedExposure).Merge(store.HeldExposure(now));
        }

        return tally.Sessions == 0 ? new(double.NaN, double.NaN, double.NaN) : new(tally.MaxSeconds, tally.MeanSeconds, 1);
    }
}
