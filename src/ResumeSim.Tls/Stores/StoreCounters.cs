namespace ResumeSim.Tls;

/// <summary>
/// Running totals of one store. Every removal is counted once under its <see cref="RemovalReason"/>.
/// <see cref="Expired"/> counts all expiry removals; <see cref="ExpiredOnLookup"/> is the subset
/// found expired by a lookup (and returned as <see cref="StoreLookup.Expired"/>).
/// </summary>
public sealed class StoreCounters
{
    /// <summary>Entries stored.</summary>
    public long Puts { get; private set; }

    /// <summary>Puts refused: no room after the allowed evictions, too large, or the store cannot cache.</summary>
    public long Skipped { get; private set; }

    /// <summary>Lookups (get or take) that found a valid entry.</summary>
    public long Hits { get; private set; }

    /// <summary>Lookups that found nothing.</summary>
    public long Misses { get; private set; }

    /// <summary>Lookups that found an expired entry.</summary>
    public long ExpiredOnLookup { get; private set; }

    /// <summary>Removals because of the timeout.</summary>
    public long Expired { get; private set; }

    /// <summary>Valid entries dropped for room.</summary>
    public long EvictedForCapacity { get; private set; }

    /// <summary>Entries overwritten under the same id.</summary>
    public long Replaced { get; private set; }

    /// <summary>Entries removed by a flush.</summary>
    public long Flushed { get; private set; }

    /// <summary>Entries removed by take.</summary>
    public long Taken { get; private set; }

    /// <summary>Most entries held at once.</summary>
    public long PeakEntries { get; private set; }

    /// <summary>Most bytes held at once (by the store's per-entry accounting).</summary>
    public long PeakBytes { get; private set; }

    /// <summary>
    /// Time in memory of every entry removed (any reason) since <see cref="StartExposureWindow"/> or
    /// since the store was made: put to removal, lazily expired entries included, because a secret
    /// the store has not swept yet is still in memory.
    /// </summary>
    public ExposureTally RemovedExposure { get; private set; }

    /// <summary>All removals, any reason.</summary>
    public long Removals => Expired + EvictedForCapacity + Replaced + Flushed + Taken;

    /// <summary>The count for one reason.</summary>
    public long RemovedFor(RemovalReason reason) => reason switch
    {
        RemovalReason.Expired => Expired,
        RemovalReason.EvictedForCapacity => EvictedForCapacity,
        RemovalReason.Replaced => Replaced,
        RemovalReason.Flushed => Flushed,
        RemovalReason.Taken => Taken,
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    internal void OnPut(long entries, long bytes)
    {
        Puts++;
        if (entries > PeakEntries)
        {
            PeakEntries = entries;
        }

        if (bytes > PeakBytes)
        {
            PeakBytes = bytes;
        }
    }

    internal void OnSkipped() => Skipped++;

    internal void OnHit() => Hits++;

    internal void OnMiss() => Misses++;

    internal void OnExpiredLookup() => ExpiredOnLookup++;

    /// <summary>Counts only removals from now on in <see cref="RemovedExposure"/> (a simulation's measured period).</summary>
    public void StartExposureWindow() => RemovedExposure = default;

    internal void OnRemoved(RemovalReason reason, long heldNs)
    {
        RemovedExposure = RemovedExposure.Add(heldNs);
        switch (reason)
        {
            case RemovalReason.Expired: Expired++; break;
            case RemovalReason.EvictedForCapacity: EvictedForCapacity++; break;
            case RemovalReason.Replaced: Replaced++; break;
            case RemovalReason.Flushed: Flushed++; break;
            case RemovalReason.Taken: Taken++; break;
            default: throw new ArgumentOutOfRangeException(nameof(reason));
        }
    }
}
