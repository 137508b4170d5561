using ResumeSim.Engine;
using ResumeSim.Model.Runs;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>
/// Forward-secrecy exposure: how long the server side could still decrypt a recorded session.
/// A ticket key exposes every session it sealed until the last server holding it erases it
/// (RFC 5077 5.5, RFC 8446 C.4); a session store exposes each master secret while it holds it.
/// </summary>
internal sealed partial class ResumptionWorld
{
    private readonly record struct ExposureFigures(double MaxSeconds, double MeanSeconds, double SessionsMax);

    private ExposureFigures Exposure(double storeEntriesMean)
    {
        var keys = TicketKeyExposure();
        var store = StoreExposure(storeEntriesMean);

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
    private ExposureFigures TicketKeyExposure()
    {
        var byName = new Dictionary<UInt128, (long Created, long Erased, long Sealed)>();
        foreach (var rotator in _setup.Rotators)
        {
            foreach (var key in rotator.ActiveKeys.Concat(rotator.RetiredKeys))
            {
                var erased = key.ErasedAt ?? _end;
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
            if (erased < _metrics.Start)
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
    /// Session stores: the mean time a master secret stays in memory is, by Little's law, the mean
    /// number held over the sessions stored per second in the measured period; the longest is the
    /// timeout, after which a store never serves an entry (nginx and OpenSSL sweep expired entries
    /// as they store new ones, so it does not stay much longer).
    /// </summary>
    private ExposureFigures StoreExposure(double entriesMean)
    {
        if (_strategy.SessionIds is not { } ids || _setup.Stores.Count == 0)
        {
            return new(double.NaN, double.NaN, double.NaN);
        }

        var puts = WarmupSnapshot.Take(_setup).Puts - _atWarmupEnd.Puts;
        var seconds = SimTime.ToSeconds(_metrics.End - _metrics.Start);
        var mean = puts == 0 ? double.NaN : entriesMean / (puts / seconds);
        // A store may hold expired entries until it sweeps them, so the mean can pass the timeout.
        return new(Math.Max(ids.Timeout.TotalSeconds, double.IsNaN(mean) ? 0 : mean), mean, 1);
    }

    /// <summary>Store entries averaged over the measured period (bucket-end samples weighted by bucket length).</summary>
    private double TimeAveragedStoreEntries(IReadOnlyList<TimeBucket> series)
    {
        double weighted = 0;
        for (var b = 0; b < series.Count; b++)
        {
            weighted += series[b].StoreEntries * (double)_metrics.BucketLength(b);
        }

        return weighted / (_metrics.End - _metrics.Start);
    }
}
