using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls;

/// <summary>The hash-table half of <see cref="SessionTable"/>: where an id lives, growth, hole closing.</summary>
internal sealed partial class SessionTable
{
    /// <summary>Slots in the table (a power of two), for tests.</summary>
    internal int SlotCount => slotCount;

    /// <summary>
    /// The first slot probed for <paramref name="id"/> (internal for tests). Ids are random bytes
    /// (RFC 5246 7.4.1.2), but Fibonacci hashing (hash * 2^32/phi) spreads even weak low bits of the fold;
    /// the product's top bits then pick one of <c>slotCount</c> slots, which need not be a power of two
    /// (Lemire's multiply-shift range reduction).
    /// </summary>
    internal int Home(in SessionId id) => (int)(((ulong)((uint)id.GetHashCode() * 2654435769u) * (uint)slotCount) >> 32);

    /// <summary>The slot after <paramref name="i"/> along a probe run, wrapping at the end.</summary>
    private int After(int i) => i + 1 == slotCount ? 0 : i + 1;

    /// <summary>
    /// Slot <paramref name="i"/>, through the first slot's address and checked against <c>slotCount</c>, so
    /// that no object is read on the way. When the slots were a pinned array, its header (the length a bounds
    /// check reads, the method table a null check reads) sat on a page of its own that a read of a random
    /// slot of a large table does not otherwise touch: with a hundred servers' tables that header read was a
    /// cache and TLB miss of its own (2-3% of a 3M-client run's samples in PrefetchSlot alone;
    /// docs/performance.md, Follow-up 4).
    /// </summary>
    private unsafe ref SessionSlot Slot(int i)
    {
        if ((uint)i >= (uint)slotCount)
        {
            ThrowNoSlot(i);
        }

        return ref firstSlot[i];
    }

    private static void ThrowNoSlot(int i) => throw new ArgumentOutOfRangeException(nameof(i), $"no slot {i}");

    /// <summary>The slot holding <paramref name="id"/>, or -1.</summary>
    private int Find(in SessionId id)
    {
        int i = Home(id);
        while (true)
        {
            ref SessionSlot slot = ref Slot(i);
            if (slot.Length == 0)
            {
                return -1;
            }

            if (slot.Id.Equals(id))
            {
                return i;
            }

            i = After(i);
        }
    }

    private int FreeCellFor(in SessionId id)
    {
        int i = Home(id);
        while (Slot(i).Length != 0)
        {
            i = After(i);
        }

        return i;
    }

    /// <summary>
    /// Sizes the table for <paramref name="entries"/> (load at most 2/3: slots hold their sessions, so
    /// unused ones cost more than at the 1/2 of a table of pointers) and re-inserts every entry, walking the
    /// list from the tail and linking each at the head so the order is kept (and the live cursor with it).
    /// </summary>
    private unsafe void Allocate(int entries)
    {
        NativeBlock<SessionSlot> old = slots;
        int slot = tail;
        slots = new NativeBlock<SessionSlot>((int)Math.Min(entries + ((entries + 1L) / 2), Array.MaxLength));
        firstSlot = slots.First;
        slotCount = slots.Length;
        entryLimit = entries;
        head = -1;
        tail = -1;
        int oldLiveTail = liveTail;
        while (slot >= 0)
        {
            ref SessionSlot moving = ref old.First[slot];
            int newer = moving.Prev;
            int at = FreeCellFor(moving.Id);
            Slot(at) = moving;
            LinkAtHead(at);
            if (slot == oldLiveTail)
            {
                liveTail = at;
            }

            slot = newer;
        }

        old.Dispose();
    }

    /// <summary>
    /// Empties <paramref name="hole"/> (already unlinked). A later slot of the probe run moves back
    /// into the hole unless its home lies cyclically in (hole, j], where moving it would put it before
    /// its home and out of reach of lookups.
    /// </summary>
    private void CloseHole(int hole)
    {
        int j = hole;
        while (true)
        {
            j = After(j);
            if (Slot(j).Length == 0)
            {
                break;
            }

            int home = Home(Slot(j).Id);
            bool stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays)
            {
                Move(j, hole);
                hole = j;
            }
        }

        Slot(hole).Length = 0;
    }

    /// <summary>Moves an entry to an empty slot and re-points its list neighbours at it.</summary>
    private void Move(int from, int to)
    {
        Slot(to) = Slot(from);
        int p = Slot(to).Prev;
        int n = Slot(to).Next;
        if (p >= 0)
        {
            Slot(p).Next = to;
        }
        else
        {
            head = to;
        }

        if (n >= 0)
        {
            Slot(n).Prev = to;
        }
        else
        {
            tail = to;
        }

        if (tracked == from)
        {
            tracked = to;
        }

        if (liveTail == from)
        {
            liveTail = to;
        }
    }
}
