namespace ResumeSim.Tls;

/// <summary>
/// One client's session cache, keyed by origin (the simulator numbers hosts 0..h-1; Chrome's key is
/// host:port + IP + isolation key). LRU over keys up to <see cref="ClientPreset.CacheEntries"/>, at most
/// <see cref="ClientPreset.SessionsPerKey"/> sessions per key (newest first), a client-side lifetime cap,
/// and TLS 1.3 tickets popped on use when the preset says so (Chrome, parameters.md section 2).
/// <para>The first key lives inline in this object and further keys in an array that grows on demand (1, 3,
/// 7, ... more keys); keys are searched linearly because a client talks to few origins. A client of one
/// origin holding one session (the simulator's common case, millions of them) therefore costs this object
/// and the session, no array: one object fewer per client for the garbage collector to mark and one pointer
/// chase fewer per visit (docs/performance.md, Scale). A key's newest session sits in its slot; older ones (up to
/// <see cref="ClientPreset.SessionsPerKey"/> - 1 per key) in a second array made only when first needed. Recency is a use
/// counter, so equal times still order. Times in ns; not thread-safe.</para>
/// </summary>
public sealed class ClientSessionCache
{
    private readonly ClientPreset preset;
    private readonly int perKey;
    private OriginSlot first;
    private OriginSlot[] rest = [];
    private ClientSession?[]? older;
    private int count;
    private long useClock;
    private int lookups;

    /// <summary>Creates an empty cache.</summary>
    public ClientSessionCache(ClientPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        preset.Validate();
        this.preset = preset;
        perKey = Math.Max(1, preset.SessionsPerKey);
    }

    /// <summary>The behaviour.</summary>
    public ClientPreset Preset => preset;

    /// <summary>Origin keys held.</summary>
    public int Count => count;

    /// <summary>Sessions held over all keys.</summary>
    public int SessionCount
    {
        get
        {
            int total = 0;
            for (int k = 0; k < count; k++)
            {
                for (int i = 0; i < perKey; i++)
                {
                    total += At(k, i) is null ? 0 : 1;
                }
            }

            return total;
        }
    }

    /// <summary>Keys dropped because the cache was full.</summary>
    public long Evictions { get; private set; }

    /// <summary>Stores <paramref name="session"/> for <paramref name="origin"/> as its newest; the oldest beyond the per-key limit goes.</summary>
    public void Put(int origin, ClientSession session, long now)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!preset.Resumes)
        {
            return;
        }

        int k = Find(origin);
        if (k < 0)
        {
            k = AddKey(origin);
        }

        for (int i = perKey - 1; i > 0; i--)
        {
            SetAt(k, i, At(k, i - 1));
        }

        SetAt(k, 0, session);
        Key(k).LastUse = ++useClock;
    }

    /// <summary>Takes the newest usable session; TLS 1.3 tickets are removed when single use, TLS 1.2 sessions stay.</summary>
    public bool TryTake(int origin, long now, out ClientSession? session) => Lookup(origin, now, out session) == ClientLookup.Hit;

    /// <summary>As <see cref="TryTake"/>, telling a plain miss from "everything had expired".</summary>
    public ClientLookup Lookup(int origin, long now, out ClientSession? session)
    {
        session = null;
        if (!preset.Resumes)
        {
            return ClientLookup.Miss;
        }

        // Chrome purges expired entries every 256 lookups (parameters.md "Chrome client session cache").
        if (++lookups % 256 == 0)
        {
            PurgeExpired(now);
        }

        int k = Find(origin);
        if (k < 0)
        {
            return ClientLookup.Miss;
        }

        bool expired = DropExpired(k, now);
        session = At(k, 0);
        if (session is null)
        {
            RemoveKey(k);
            return expired ? ClientLookup.Expired : ClientLookup.Miss;
        }

        if (session.Version == TlsVersion.Tls13 && preset.SingleUseTls13Tickets)
        {
            RemoveAt(k, 0);
            if (At(k, 0) is null)
            {
                RemoveKey(k);
                return ClientLookup.Hit;
            }
        }

        Key(k).LastUse = ++useClock;
        return ClientLookup.Hit;
    }

    /// <summary>Forgets <paramref name="origin"/> (e.g. after the server refused its session).</summary>
    public bool Remove(int origin)
    {
        int k = Find(origin);
        if (k < 0)
        {
            return false;
        }

        RemoveKey(k);
        return true;
    }

    /// <summary>Sessions left for <paramref name="origin"/> (expired ones included until looked up).</summary>
    public int SessionsFor(int origin)
    {
        int k = Find(origin);
        int n = 0;
        for (int i = 0; k >= 0 && i < perKey; i++)
        {
            n += At(k, i) is null ? 0 : 1;
        }

        return n;
    }

    /// <summary>Drops every expired session.</summary>
    public void PurgeExpired(long now)
    {
        for (int k = count - 1; k >= 0; k--)
        {
            DropExpired(k, now);
            if (At(k, 0) is null)
            {
                RemoveKey(k);
            }
        }
    }

    /// <summary>Empties the cache (browser restart, cache clear).</summary>
    public void Clear()
    {
        first = default;
        Array.Clear(rest);
        if (older is not null)
        {
            Array.Clear(older);
        }

        count = 0;
    }

    private bool IsExpired(ClientSession s, long now)
    {
        long cap = s.Version == TlsVersion.Tls13 ? preset.LifetimeCapNs : preset.Tls12LifetimeCapNs;
        return now - s.ReceivedAt >= Math.Min(cap, s.LifetimeNs);
    }

    private bool DropExpired(int k, long now)
    {
        bool any = false;
        for (int i = perKey - 1; i >= 0; i--)
        {
            var s = At(k, i);
            if (s is not null && IsExpired(s, now))
            {
                RemoveAt(k, i);
                any = true;
            }
        }

        return any;
    }

    private void RemoveAt(int k, int i)
    {
        for (int j = i; j < perKey - 1; j++)
        {
            SetAt(k, j, At(k, j + 1));
        }

        SetAt(k, perKey - 1, null);
    }

    /// <summary>Session <paramref name="i"/> (0 = newest) of key <paramref name="k"/>.</summary>
    private ClientSession? At(int k, int i) =>
        i == 0 ? Key(k).Newest : older is null ? null : older[(k * (perKey - 1)) + i - 1];

    private void SetAt(int k, int i, ClientSession? session)
    {
        if (i == 0)
        {
            Key(k).Newest = session;
            return;
        }

        if (older is null)
        {
            if (session is null)
            {
                return;
            }

            older = new ClientSession?[Capacity * (perKey - 1)];
        }

        older[(k * (perKey - 1)) + i - 1] = session;
    }

    /// <summary>Keys that fit without growing: the inline one plus the array.</summary>
    private int Capacity => 1 + rest.Length;

    /// <summary>Key slot <paramref name="k"/>: the inline first one, or one of the array.</summary>
    private ref OriginSlot Key(int k) => ref k == 0 ? ref first : ref rest[k - 1];

    private int Find(int origin)
    {
        for (int i = 0; i < count; i++)
        {
            if (Key(i).Origin == origin)
            {
                return i;
            }
        }

        return -1;
    }

    private int AddKey(int origin)
    {
        if (count == preset.CacheEntries)
        {
            int victim = 0;
            for (int i = 1; i < count; i++)
            {
                victim = Key(i).LastUse < Key(victim).LastUse ? i : victim;
            }

            RemoveKey(victim);
            Evictions++;
        }

        if (count == Capacity)
        {
            int size = Math.Min(preset.CacheEntries, Capacity * 2);
            Array.Resize(ref rest, size - 1);
            if (older is not null)
            {
                Array.Resize(ref older, size * (perKey - 1));
            }
        }

        Key(count) = new OriginSlot { Origin = origin };
        for (int i = 1; i < perKey; i++)
        {
            SetAt(count, i, null);
        }

        return count++;
    }

    private void RemoveKey(int k)
    {
        int last = count - 1;
        if (k != last)
        {
            Key(k) = Key(last);
            for (int i = 1; i < perKey; i++)
            {
                SetAt(k, i, At(last, i));
            }
        }

        Key(last).Newest = null;
        for (int i = 1; i < perKey; i++)
        {
            SetAt(last, i, null);
        }

        count--;
    }
}
