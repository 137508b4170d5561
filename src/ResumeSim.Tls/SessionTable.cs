using System.Diagnostics;

namespace ResumeSim.Tls;

/// <summary>
/// The storage shared by <see cref="FifoSessionStore"/> and <see cref="LruSessionStore"/>: entries in
/// one array of slots linked into one list (head = newest or most recently used, tail = next victim),
/// indexed by an open-addressing <see cref="SessionIndex"/> (hash + slot per cell). The fields of an entry sit together in one
/// <see cref="SessionSlot"/> (a million-entry store is all cache misses: one line per entry, not six).
/// No allocation per entry, as rustls' limited_cache; the slot array starts at up to 65536 slots and
/// doubles up to the capacity, never beyond; the index grows with it.
/// </summary>
internal sealed class SessionTable
{
    private const int InitialSlots = 1 << 16;
    private const int MinComputedEntryBytes = SessionId.Length + SessionState.FixedLength12;

    private readonly SessionStoreOptions options;
    private readonly bool refreshOnHit;
    private readonly int maxSlots;
    private readonly SessionIndex index;
    private SessionSlot[] slots;
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
        // 2^29 slots (32 GiB of slots) is the index's limit; no machine here holds a store that large.
        maxSlots = (int)Math.Min(Math.Min(byEntries, byBytes), 1L << (SessionIndex.MaxCellsLog2 - 1));
        int initial = Math.Max(1, Math.Min(maxSlots, InitialSlots));
        slots = new SessionSlot[initial];
        index = new SessionIndex(initial);
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

        uint hash = SessionIndex.Hash(id);
        int existing = index.Find(id, hash, slots);
        if (existing >= 0)
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
            Remove(tail, slots[tail].ExpiresAt > now ? RemovalReason.EvictedForCapacity : RemovalReason.Expired);
            evictions++;
            ExpireFromTail(options.ExpireOnInsert, now);
        }

        int slot = AllocateSlot();
        slots[slot].Id = id;
        slots[slot].State = state;
        slots[slot].ExpiresAt = options.TimeoutNs > 0 ? now + options.TimeoutNs : long.MaxValue;
        slots[slot].Size = size;
        LinkAtHead(slot);
        index.Add(hash, slot);
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
        int slot = index.Find(id, SessionIndex.Hash(id), slots);
        if (slot < 0)
        {
            Counters.OnMiss();
            return StoreLookup.Miss;
        }

        if (now >= slots[slot].ExpiresAt)
        {
            Counters.OnExpiredLookup();
            Remove(slot, RemovalReason.Expired);
            return StoreLookup.Expired;
        }

        Counters.OnHit();
        state = slots[slot].State;
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
            int older = slots[slot].Prev;
            if (now >= slots[slot].ExpiresAt)
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
        for (int i = 0; i < max && tail >= 0 && now >= slots[tail].ExpiresAt; i++)
        {
            Remove(tail, RemovalReason.Expired);
        }
    }

    private void Remove(int slot, RemovalReason reason)
    {
        Debug.Assert(slot >= 0 && slots[slot].State is not null, "removing a free slot");
        index.Remove(SessionIndex.Hash(slots[slot].Id), slot);
        Unlink(slot);
        Bytes -= slots[slot].Size;
        slots[slot].State = null;
        slots[slot].Next = freeHead;
        freeHead = slot;
        Counters.OnRemoved(reason);
    }

    private int AllocateSlot()
    {
        if (freeHead >= 0)
        {
            int slot = freeHead;
            freeHead = slots[slot].Next;
            return slot;
        }

        if (used == slots.Length)
        {
            int size = (int)Math.Min((long)slots.Length * 2, maxSlots);
            Array.Resize(ref slots, size);
            index.Resize(size);
        }

        return used++;
    }

    private void LinkAtHead(int slot)
    {
        slots[slot].Prev = -1;
        slots[slot].Next = head;
        if (head >= 0)
        {
            slots[head].Prev = slot;
        }

        head = slot;
        if (tail < 0)
        {
            tail = slot;
        }
    }

    private void Unlink(int slot)
    {
        int p = slots[slot].Prev;
        int n = slots[slot].Next;
        if (p >= 0)
        {
            slots[p].Next = n;
        }
        else
        {
            head = n;
        }

        if (n >= 0)
        {
            slots[n].Prev = p;
        }
        else
        {
            tail = p;
        }
    }
}
