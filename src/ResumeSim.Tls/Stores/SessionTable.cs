using System.Diagnostics;
using System.Runtime.CompilerServices;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls;

/// <summary>
/// The storage behind <see cref="EvictingSessionStore"/>, FIFO or LRU: entries in
/// one array of slots linked into one list (head = newest or most recently used, tail = next victim).
/// The slot array (<see cref="NativeBlock{T}"/>) is itself the hash table (open addressing, linear
/// probing, 8 slots for every 7 entries it may hold): an id's slot is found from its hash, and holds the
/// session, so a get touches one slot (<see cref="SessionSlot"/>), after a byte of tag on the same page
/// that spares reading the slots a probe passes; a <c>Dictionary&lt;SessionId, int&gt;</c> in front of
/// the slots would cost two more cache misses per get. A removal shifts
/// later slots of the probe run back (Knuth 6.4 algorithm R) and re-points their list neighbours, so
/// there are no tombstones. No allocation per entry, as rustls' limited_cache; the table starts sized
/// for up to 65536 entries and grows by a quarter up to the capacity, never beyond.
/// </summary>
internal sealed partial class SessionTable
{
    private const int InitialEntries = 1 << 16;
    private const int MinComputedEntryBytes = SessionId.Length + SessionState.FixedLength12;

    // 2^29 entries (5 * 2^27 slots, 86 GB) fit an array's length; no machine here holds a store that large.
    private const int MaxEntriesLog2 = 29;

    // Most removals remembered for labelling misses (RemovedSessions): 2^20 fingerprints, 8 MB of ring and
    // about 30 MB of index at most per store.
    private const int RemembersRemovals = 1 << 20;
    private const int MinRemembered = 1 << 12;

    // The most slots HeldExposure copies into arrays for its walk: 12 B a slot, 48 MB at most.
    private const int CompactWalkMaxSlots = 1 << 22;

    private readonly SessionStoreOptions options;
    private readonly bool refreshOnHit;
    private readonly int maxEntries;
    private readonly ByteArena states = new(SessionState.MaxSerializedLength);
    private readonly RemovedSessions removed;
    private readonly byte[] serialized = new byte[SessionState.MaxSerializedLength];
    // The slots, outside the garbage-collected heap so that a table replaced by a larger one gives its memory
    // back at once (NativeBlock), and the address of the first, read without touching the block (see Slot).
    private NativeBlock<SessionSlot> slots;
    private unsafe SessionSlot* firstSlot;
    private int slotCount;
    private int entryLimit;
    private int head = -1;
    private int tail = -1;

    // A slot the caller walks to next; a backward shift that moves it updates it (PurgeExpired).
    private int tracked = -1;

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
        maxEntries = (int)Math.Min(Math.Min(byEntries, byBytes), 1L << MaxEntriesLog2);
        slots = new NativeBlock<SessionSlot>(0);
        Allocate(Math.Max(1, Math.Min(maxEntries, InitialEntries)));

        // As many removals remembered as the store holds entries (at least a few thousand): a session is
        // usually offered again within a store's turnover, and an older removal's miss is labelled by the
        // session's age instead.
        removed = new RemovedSessions(Math.Clamp(maxEntries, MinRemembered, RemembersRemovals));
    }

    public StoreCounters Counters { get; } = new();

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    public SessionStoreOptions Options => options;

    public bool Put(in SessionId id, SessionState state, long now)
    {
        ArgumentNullException.ThrowIfNull(state);
        int size = EntrySize(state.SerializedLength);
        if ((options.MaxSessionBytes > 0 && state.SerializedLength > options.MaxSessionBytes)
            || (options.CapacityBytes > 0 && size > options.CapacityBytes))
        {
            Counters.OnSkipped();
            removed.Record(id, RemovalReason.EvictedForCapacity);
            return false;
        }

        int existing = Find(id);
        if (existing >= 0)
        {
            Remove(existing, RemovalReason.Replaced, now);
        }

        ExpireFromTail(options.ExpireOnInsert, now);
        int evictions = 0;
        while (!HasRoom(size))
        {
            if (tail < 0 || evictions >= options.MaxEvictionsPerPut)
            {
                // nginx: the zone stayed full, so the session is not cached: as good as evicted for room.
                Counters.OnSkipped();
                removed.Record(id, RemovalReason.EvictedForCapacity);
                return false;
            }

            // nginx: "drops the oldest (even unexpired)", then sweeps expired ones again.
            Remove(tail, Slot(tail).ExpiresAt > now ? RemovalReason.EvictedForCapacity : RemovalReason.Expired, now);
            evictions++;
            ExpireFromTail(options.ExpireOnInsert, now);
        }

        if (Count == entryLimit)
        {
            Allocate(GrownLimit());
        }

        int length = state.Serialize(serialized);
        Debug.Assert(EntrySize(length) == size, "an entry's size follows from its session's length");
        int slot = ClaimCellFor(id);
        ref SessionSlot entry = ref Slot(slot);
        entry.Id = id;
        SessionSlot.Store(ref entry, serialized.AsSpan(0, length), states);
        entry.ExpiresAt = ExpiryOf(now);
        LinkAtHead(slot);
        OnLinkedAtHead(slot);
        Count++;
        Bytes += size;
        Counters.OnPut(Count, Bytes);
        return true;
    }

    public StoreLookup Lookup(in SessionId id, long now, bool take, out SessionState? state)
    {
        state = null;
        int slot = Find(id);
        if (slot < 0)
        {
            Counters.OnMiss();
            return removed.TryGet(id, out var reason) ? Gone(reason) : StoreLookup.Miss;
        }

        if (now >= Slot(slot).ExpiresAt)
        {
            Counters.OnExpiredLookup();
            Remove(slot, RemovalReason.Expired, now);
            return StoreLookup.Expired;
        }

        Counters.OnHit();
        bool read = SessionState.TryDeserialize(SessionSlot.Bytes(ref Slot(slot), states), out state);
        Debug.Assert(read, "the table holds only sessions it serialized");
        if (take)
        {
            Remove(slot, RemovalReason.Taken, now);
        }
        else if (refreshOnHit && slot != head)
        {
            Unlink(slot);
            LinkAtHead(slot);
        }

        return StoreLookup.Hit;
    }

    /// <summary>
    /// Hints that <paramref name="id"/> will be looked up soon: starts loading the tags and the slot its
    /// probe begins at, with the session in it when it fits there (a longer one, in the arena, is not
    /// hinted), all on one page. Changes nothing; an id further along its probe run is not looked for:
    /// its slot is on the same page as its home but for a run that crosses into the next.
    /// </summary>
    public void PrefetchSlot(in SessionId id)
    {
        int home = Home(id);
        LargeArrays.Prefetch(ref Tag(home), 1);
        LargeArrays.Prefetch(ref Unsafe.As<SessionSlot, byte>(ref Slot(home)), Unsafe.SizeOf<SessionSlot>());
    }

    public void Flush(long now)
    {
        while (tail >= 0)
        {
            Remove(tail, RemovalReason.Flushed, now);
        }
    }

    /// <summary>
    /// The bytes an entry whose session serializes to <paramref name="sessionLength"/> bytes counts against
    /// the store's capacity. The slot does not keep it: it is worked out again from the session's length
    /// when the entry leaves or is counted.
    /// </summary>
    private int EntrySize(int sessionLength)
    {
        if (options.EntryBytes == 0)
        {
            return SessionId.Length + sessionLength;
        }

        if (options.BlockPayloadBytes == 0)
        {
            return options.EntryBytes;
        }

        int blocks = (sessionLength + options.BlockPayloadBytes - 1) / options.BlockPayloadBytes;
        return Math.Max(1, blocks) * options.EntryBytes;
    }

    /// <summary>The bytes the entry in <paramref name="slot"/> counts against the store's capacity.</summary>
    private int SizeAt(int slot) => EntrySize(SessionSlot.Length(ref Slot(slot)));

    /// <summary>
    /// The entry limit of the next table, a quarter above this one's (up to the capacity). Doubling left a
    /// grown table on average a third unused for the rest of its life, in slots that each cost a session's
    /// room: at ten million clients a server ends with about 100,000 entries (one per client), which
    /// doubling from 65,536 had put in a table for 131,072, and a quarter at a time puts in one for 102,400.
    /// Re-inserting on each growth costs about four moves per entry in all, against one when doubling.
    /// </summary>
    private int GrownLimit() => (int)Math.Min(entryLimit + Math.Max(1L, entryLimit / 4L), maxEntries);

    private bool HasRoom(int size) =>
        (options.CapacityEntries == 0 || Count < options.CapacityEntries)
        && (options.CapacityBytes == 0 || Bytes + size <= options.CapacityBytes)
        && Count < maxEntries;

    private void Remove(int slot, RemovalReason reason, long now)
    {
        Debug.Assert(slot >= 0 && Slot(slot).IsUsed, "removing a free slot");
        long held = now - StoredAt(slot);
        OnRemoving(slot);
        Unlink(slot);
        Bytes -= SizeAt(slot);
        SessionSlot.Release(ref Slot(slot), states);
        Count--;
        removed.Record(Slot(slot).Id, reason);
        CloseHole(slot);
        Counters.OnRemoved(reason, held);
    }

    private static StoreLookup Gone(RemovalReason reason) => reason switch
    {
        RemovalReason.EvictedForCapacity => StoreLookup.Evicted,
        RemovalReason.Expired => StoreLookup.Swept,
        RemovalReason.Flushed => StoreLookup.Flushed,
        _ => StoreLookup.Miss,
    };

    private void LinkAtHead(int slot)
    {
        Slot(slot).Prev = -1;
        Slot(slot).Next = head;
        if (head >= 0)
        {
            Slot(head).Prev = slot;
        }

        head = slot;
        if (tail < 0)
        {
            tail = slot;
        }
    }

    private void Unlink(int slot)
    {
        int p = Slot(slot).Prev;
        int n = Slot(slot).Next;
        if (p >= 0)
        {
            Slot(p).Next = n;
        }
        else
        {
            head = n;
        }

        if (n >= 0)
        {
            Slot(n).Prev = p;
        }
        else
        {
            tail = p;
        }
    }
}
