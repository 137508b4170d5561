namespace ResumeSim.Tls;

/// <summary>The hash-table half of <see cref="SessionTable"/>: where an id lives, growth, hole closing.</summary>
internal sealed partial class SessionTable
{
    /// <summary>Slots in the table (a power of two), for tests.</summary>
    internal int SlotCount => slots.Length;

    /// <summary>
    /// The first slot probed for <paramref name="id"/> (internal for tests). Ids are random bytes
    /// (RFC 5246 7.4.1.2), but Fibonacci hashing (the top bits of hash * 2^32/phi) spreads even weak
    /// low bits of the fold.
    /// </summary>
    internal int Home(in SessionId id) => (int)(((uint)id.GetHashCode() * 2654435769u) >> shift);

    /// <summary>The slot holding <paramref name="id"/>, or -1.</summary>
    private int Find(in SessionId id)
    {
        SessionSlot[] table = slots;
        int i = Home(id);
        while (true)
        {
            ref SessionSlot slot = ref table[i];
            if (slot.Length == 0)
            {
                return -1;
            }

            if (slot.Id.Equals(id))
            {
                return i;
            }

            i = (i + 1) & mask;
        }
    }

    private int FreeCellFor(in SessionId id)
    {
        int i = Home(id);
        while (slots[i].Length != 0)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    /// <summary>
    /// Sizes the table for <paramref name="entries"/> (load at most 1/2) and re-inserts every entry,
    /// walking the list from the tail and linking each at the head so the order is kept.
    /// </summary>
    private void Allocate(int entries)
    {
        int log2 = 1;
        while ((1L << log2) < 2L * entries)
        {
            log2++;
        }

        SessionSlot[] old = slots;
        int slot = tail;
        slots = LargeArrays.Allocate<SessionSlot>(1 << log2);
        mask = slots.Length - 1;
        shift = 32 - log2;
        entryLimit = entries;
        head = -1;
        tail = -1;
        while (slot >= 0)
        {
            int newer = old[slot].Prev;
            int at = FreeCellFor(old[slot].Id);
            slots[at] = old[slot];
            LinkAtHead(at);
            slot = newer;
        }
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
            j = (j + 1) & mask;
            if (slots[j].Length == 0)
            {
                break;
            }

            int home = Home(slots[j].Id);
            bool stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays)
            {
                Move(j, hole);
                hole = j;
            }
        }

        slots[hole].Length = 0;
    }

    /// <summary>Moves an entry to an empty slot and re-points its list neighbours at it.</summary>
    private void Move(int from, int to)
    {
        slots[to] = slots[from];
        int p = slots[to].Prev;
        int n = slots[to].Next;
        if (p >= 0)
        {
            slots[p].Next = to;
        }
        else
        {
            head = to;
        }

        if (n >= 0)
        {
            slots[n].Prev = to;
        }
        else
        {
            tail = to;
        }

        if (tracked == from)
        {
            tracked = to;
        }
    }
}
