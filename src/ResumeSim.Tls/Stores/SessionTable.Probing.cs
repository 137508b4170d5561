using System.Diagnostics;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls;

/// <summary>The hash-table half of <see cref="SessionTable"/>: where an id lives, growth, hole closing.</summary>
internal sealed partial class SessionTable
{
    /// <summary>
    /// Slots per 4 KiB page: a page is 32 line pairs of 128 B, the first holding its slots' tags (<see cref="Tag"/>).
    /// 128-byte slots on page-aligned memory never straddle a page or a pair of lines.
    /// </summary>
    internal const int SlotsPerPage = 31;

    /// <summary>Slots in the table (any count; the last page may be partly used), for tests.</summary>
    internal int SlotCount => slotCount;

    /// <summary>
    /// The first slot probed for <paramref name="id"/> (internal for tests). Ids are random bytes
    /// (RFC 5246 7.4.1.2), but Fibonacci hashing (hash * 2^32/phi) spreads even weak low bits of the fold;
    /// the product's top bits then pick one of <c>slotCount</c> slots, which need not be a power of two
    /// (Lemire's multiply-shift range reduction).
    /// </summary>
    internal int Home(in SessionId id) => HomeOf(Mix(id));

    /// <summary>
    /// The tag kept for <paramref name="id"/> (internal for tests): the top bit set, so no tag is 0 (an
    /// empty slot), and the mixed hash's low 7 bits, while its top bits decide <see cref="Home"/>, so ids
    /// that share a home still differ in their tags about 127 times in 128.
    /// </summary>
    internal static byte TagOf(in SessionId id) => TagOf(Mix(id));

    private static uint Mix(in SessionId id) => (uint)id.GetHashCode() * 2654435769u;

    private static byte TagOf(uint mixed) => (byte)(0x80 | (mixed & 0x7F));

    private int HomeOf(uint mixed) => (int)(((ulong)mixed * (uint)slotCount) >> 32);

    /// <summary>The slot after <paramref name="i"/> along a probe run, wrapping at the end.</summary>
    private int After(int i) => i + 1 == slotCount ? 0 : i + 1;

    /// <summary>
    /// Slot <paramref name="i"/>, through the first slot's address and checked against <c>slotCount</c>, so
    /// that no object is read on the way. When the slots were a pinned array, its header (the length a bounds
    /// check reads, the method table a null check reads) sat on a page of its own that a read of a random
    /// slot of a large table does not otherwise touch: with a hundred servers' tables that header read was a
    /// cache and TLB miss of its own (2-3% of a 3M-client run's samples in PrefetchSlot alone;
    /// docs/performance.md, Follow-up 4). Slots go <see cref="SlotsPerPage"/> to a 4 KiB page, after the
    /// page's tags (<see cref="Tag"/>).
    /// </summary>
    private unsafe ref SessionSlot Slot(int i)
    {
        if ((uint)i >= (uint)slotCount)
        {
            ThrowNoSlot(i);
        }

        return ref *SlotAddress(firstSlot, (uint)i);
    }

    /// <summary>
    /// Slot <paramref name="i"/>'s tag, 0 when the slot is empty: the first line of each 4 KiB page holds
    /// the tags of the page's <see cref="SlotsPerPage"/> slots, so a probe reads its tags and then its slot
    /// on one page, and the tag line is not a second random page to walk to (docs/performance.md,
    /// "Session stores").
    /// </summary>
    private unsafe ref byte Tag(int i)
    {
        if ((uint)i >= (uint)slotCount)
        {
            ThrowNoSlot(i);
        }

        uint page = (uint)i / SlotsPerPage;
        return ref ((byte*)(firstSlot + (page * (SlotsPerPage + 1))))[(uint)i - (page * SlotsPerPage)];
    }

    /// <summary>Where slot <paramref name="i"/> of the pages at <paramref name="first"/> is: after its page's tag line.</summary>
    private static unsafe SessionSlot* SlotAddress(SessionSlot* first, uint i)
    {
        uint page = i / SlotsPerPage;
        return first + (page * (SlotsPerPage + 1)) + 1 + (i - (page * SlotsPerPage));
    }

    /// <summary>4 KiB pages for <paramref name="count"/> slots.</summary>
    private static int PagesFor(int count) => (count + SlotsPerPage - 1) / SlotsPerPage;

    private static void ThrowNoSlot(int i) => throw new ArgumentOutOfRangeException(nameof(i), $"no slot {i}");

    /// <summary>
    /// The slot holding <paramref name="id"/>, or -1. The probe reads tags, one byte per slot, and a slot only
    /// where its tag matches: at 7/8 load a miss passes about 32 used slots (Knuth 6.4), which as tags are
    /// the tag lines of one or two pages and as slots would be 4 KiB.
    /// </summary>
    private int Find(in SessionId id)
    {
        uint mixed = Mix(id);
        byte tag = TagOf(mixed);
        int i = HomeOf(mixed);
        while (true)
        {
            byte seen = Tag(i);
            if (seen == 0)
            {
                return -1;
            }

            if (seen == tag && Slot(i).Id.Equals(id))
            {
                return i;
            }

            i = After(i);
        }
    }

    /// <summary>The first empty slot of <paramref name="id"/>'s probe run, tagged for it.</summary>
    private int ClaimCellFor(in SessionId id)
    {
        uint mixed = Mix(id);
        int i = HomeOf(mixed);
        while (Tag(i) != 0)
        {
            i = After(i);
        }

        Tag(i) = TagOf(mixed);
        return i;
    }

    /// <summary>
    /// Slots for a table of up to <paramref name="entries"/> entries (internal for tests): eight for every
    /// seven entries, so a full table is at most 7/8 used. Slots hold their sessions, so an unused one costs
    /// a whole session's room: at 7/8 an entry costs 151 B of pages (4,096 B for 31 slots) where 2/3 would cost 198 B
    /// (docs/performance.md, "Session stores"). The tags keep the longer probe runs cheap (see
    /// <see cref="Find"/>).
    /// </summary>
    internal static int SlotsFor(int entries) => (int)Math.Min(entries + ((entries + 6L) / 7), Array.MaxLength);

    /// <summary>
    /// Sizes the table for <paramref name="entries"/> (<see cref="SlotsFor"/>) and re-inserts every entry
    /// with its list order kept. Entries move in slot order, not list order: a slot's home is its hash's
    /// top bits scaled to the table (<see cref="HomeOf"/>), so the old table lies nearly in hash order and
    /// the new homes come in that order too, and both tables are read and written front to back instead
    /// of at random (a FIFO list's order is put order, which is random in the slots). Each old slot keeps
    /// its entry's new place in its <c>Prev</c>; a second pass over the new table re-points the links.
    /// </summary>
    private unsafe void Allocate(int entries)
    {
        Debug.Assert(tracked < 0, "a table grows only on a put, never during a walk");
        NativeBlock<SessionSlot> old = slots;
        SessionSlot* oldFirst = firstSlot;
        int oldCount = slotCount;
        int count = SlotsFor(entries);
        slots = new NativeBlock<SessionSlot>(checked(PagesFor(count) * (SlotsPerPage + 1)));
        firstSlot = slots.First;
        slotCount = count;
        entryLimit = entries;
        for (uint i = 0; i < (uint)oldCount; i++)
        {
            ref SessionSlot moving = ref *SlotAddress(oldFirst, i);
            if (moving.IsUsed)
            {
                int at = ClaimCellFor(moving.Id);
                Slot(at) = moving;
                moving.Prev = at;
            }
        }

        for (int i = 0; i < count; i++)
        {
            if (Tag(i) != 0)
            {
                ref SessionSlot entry = ref Slot(i);
                entry.Prev = MovedTo(oldFirst, entry.Prev);
                entry.Next = MovedTo(oldFirst, entry.Next);
            }
        }

        head = MovedTo(oldFirst, head);
        tail = MovedTo(oldFirst, tail);
        liveTail = MovedTo(oldFirst, liveTail);
        old.Dispose();
    }

    /// <summary>Where the entry of old slot <paramref name="slot"/> went while growing (-1 stays -1).</summary>
    private static unsafe int MovedTo(SessionSlot* oldFirst, int slot) => slot < 0 ? -1 : SlotAddress(oldFirst, (uint)slot)->Prev;

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
            if (Tag(j) == 0)
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

        Slot(hole).Place = 0;
        Tag(hole) = 0;
    }

    /// <summary>Moves an entry to an empty slot and re-points its list neighbours at it.</summary>
    private void Move(int from, int to)
    {
        Slot(to) = Slot(from);
        Tag(to) = Tag(from);
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
