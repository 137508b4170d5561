using System.Diagnostics;

namespace ResumeSim.Tls;

/// <summary>
/// The storage shared by <see cref="FifoSessionStore"/> and <see cref="LruSessionStore"/>: entries in
/// parallel arrays linked into one list (head = newest or most recently used, tail = next victim),
/// indexed by a <c>Dictionary&lt;SessionId, int&gt;</c>. No allocation per entry, as rustls'
/// limited_cache; the arrays start at up to 65536 slots and double up to the capacity, never beyond.
/// </summary>
internal sealed class SessionTable
{
    private const int InitialSlots = 1 << 16;
    private const int MinComputedEntryBytes = SessionId.Length + SessionState.FixedLength12;

    private readonly SessionStoreOptions options;
    private readonly bool refreshOnHit;
    private readonly int maxSlots;
    private readonly Dictionary<SessionId, int> index;
    private SessionId[] ids;
    private SessionState?[] states;
    private long[] expiresAt;
    private int[] sizes;
    private int[] prev;
    private int[] next;
    private int head = -1;
    private int tail = -1;
    private int freeHead = -1;
    private int used;

    public SessionTable(SessionStoreOptions options, bool refreshOnHit)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        this.refreshOnHit = refreshOnHit;
        long byEntries = options.CapacityEntries > 0 ? options.CapacityEntries : long.MaxValue;
        long byBytes = options.CapacityBytes > 0
            ? options.CapacityBytes / (options.EntryBytes > 0 ? options.EntryBytes : MinComputedEntryBytes)
            : long.MaxValue;
        maxSlots = (int)Math.Min(Math.Min(byEntries, byBytes), Array.MaxLength);
        int initial = Math.Max(1, Math.Min(maxSlots, InitialSlots));
        ids = new SessionId[initial];
        states = new SessionState?[initial];
        expiresAt = new long[initial];
        sizes = new int[initial];
        prev = new int[initial];
        next = new int[initial];
        index = new Dictionary<SessionId, int>(initial);
    }

    public StoreCounters Counters { get; } = new();

    public int Count => index.Count;

    public long Bytes { get; private set; }

    public SessionStoreOptions Options => options;

    public bool Put(in SessionId id, SessionState state, long now)
    {
        ArgumentNullException.ThrowIfNull(state);
        int size = EntrySize(state);
        if ((options.MaxSessionBytes > 0 && state.SerializedLength > options.MaxSessionBytes)
            || (options.CapacityBytes > 0 && size > options.CapacityBytes))
        {
            Counters.OnSkipped();
            return false;
        }

        if (index.TryGetValue(id, out int existing))
        {
            Remove(existing, RemovalReason.Replaced);
        }

        ExpireFromTail(options.ExpireOnInsert, now);
        int evictions = 0;
        while (!HasRoom(size))
        {
            if (tail < 0 || evictions >= options.MaxEvictionsPerPut)
            {
                Counters.OnSkipped();
                return false;
            }

            // nginx: "drops the oldest (even unexpired)", then sweeps expired ones again.
            Remove(tail, expiresAt[tail] > now ? RemovalReason.EvictedForCapacity : RemovalReason.Expired);
            evictions++;
            ExpireFromTail(options.ExpireOnInsert, now);
        }

        int slot = AllocateSlot();
        ids[slot] = id;
        states[slot] = state;
        expiresAt[slot] = options.TimeoutNs > 0 ? now + options.TimeoutNs : long.MaxValue;
        sizes[slot] = size;
        LinkAtHead(slot);
        index.Add(id, slot);
        Bytes += size;
        Counters.OnPut(index.Count, Bytes);
        if (options.PurgeExpiredEveryPuts > 0 && Counters.Puts % options.PurgeExpiredEveryPuts == 0)
        {
            PurgeExpired(now);
        }

        return true;
    }

    public StoreLookup Lookup(in SessionId id, long now, bool take, out SessionState? state)
    {
        state = null;
        if (!index.TryGetValue(id, out int slot))
        {
            Counters.OnMiss();
            return StoreLookup.Miss;
        }

        if (now >= expiresAt[slot])
        {
            Counters.OnExpiredLookup();
            Remove(slot, RemovalReason.Expired);
            return StoreLookup.Expired;
        }

        Counters.OnHit();
        state = states[slot];
        if (take)
        {
            Remove(slot, RemovalReason.Taken);
        }
        else if (refreshOnHit && slot != head)
        {
            Unlink(slot);
            LinkAtHead(slot);
        }

        return StoreLookup.Hit;
    }

    public void Flush()
    {
        while (tail >= 0)
        {
            Remove(tail, RemovalReason.Flushed);
        }
    }

    /// <summary>Removes every expired entry by a full scan (order-independent, so right for LRU too).</summary>
    public int PurgeExpired(long now)
    {
        int removed = 0;
        int slot = tail;
        while (slot >= 0)
        {
            int older = prev[slot];
            if (now >= expiresAt[slot])
            {
                Remove(slot, RemovalReason.Expired);
                removed++;
            }

            slot = older;
        }

        return removed;
    }

    private int EntrySize(SessionState state)
    {
        if (options.EntryBytes == 0)
        {
            return SessionId.Length + state.SerializedLength;
        }

        if (options.BlockPayloadBytes == 0)
        {
            return options.EntryBytes;
        }

        int blocks = (state.SerializedLength + options.BlockPayloadBytes - 1) / options.BlockPayloadBytes;
        return Math.Max(1, blocks) * options.EntryBytes;
    }

    private bool HasRoom(int size) =>
        (options.CapacityEntries == 0 || index.Count < options.CapacityEntries)
        && (options.CapacityBytes == 0 || Bytes + size <= options.CapacityBytes)
        && index.Count < maxSlots;

    private void ExpireFromTail(int max, long now)
    {
        for (int i = 0; i < max && tail >= 0 && now >= expiresAt[tail]; i++)
        {
            Remove(tail, RemovalReason.Expired);
        }
    }

    private void Remove(int slot, RemovalReason reason)
    {
        Debug.Assert(slot >= 0 && states[slot] is not null, "removing a free slot");
        index.Remove(ids[slot]);
        Unlink(slot);
        Bytes -= sizes[slot];
        states[slot] = null;
        next[slot] = freeHead;
        freeHead = slot;
        Counters.OnRemoved(reason);
    }

    private int AllocateSlot()
    {
        if (freeHead >= 0)
        {
            int slot = freeHead;
            freeHead = next[slot];
            return slot;
        }

        if (used == ids.Length)
        {
            int size = (int)Math.Min((long)ids.Length * 2, maxSlots);
            Array.Resize(ref ids, size);
            Array.Resize(ref states, size);
            Array.Resize(ref expiresAt, size);
            Array.Resize(ref sizes, size);
            Array.Resize(ref prev, size);
            Array.Resize(ref next, size);
        }

        return used++;
    }

    private void LinkAtHead(int slot)
    {
        prev[slot] = -1;
        next[slot] = head;
        if (head >= 0)
        {
            prev[head] = slot;
        }

        head = slot;
        if (tail < 0)
        {
            tail = slot;
        }
    }

    private void Unlink(int slot)
    {
        int p = prev[slot];
        int n = next[slot];
        if (p >= 0)
        {
            next[p] = n;
        }
        else
        {
            head = n;
        }

        if (n >= 0)
        {
            prev[n] = p;
        }
        else
        {
            tail = p;
        }
    }
}
