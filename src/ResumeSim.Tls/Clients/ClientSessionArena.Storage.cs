using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls;

/// <summary>Where a client's keys and sessions live: inline, in a pooled block, or in an overflow object.</summary>
public sealed partial class ClientSessionArena
{
    /// <summary>The ticket handle of a session whose ticket sits beside its client's head (only the first key's newest can).</summary>
    private const int InlineTicket = -2;

    private const int LineBytes = 64;

    // Large head storage starts on a 4 KiB boundary, so that with a stride dividing 4 KiB no head straddles two pages.
    private const int PageBytes = 4096;

    private readonly List<SessionBlocks?> olderBlocks = [];
    private readonly List<Overflow?> overflows = [];
    private readonly Stack<int> freeOverflows = new();

    // The heads: one stride of whole lines per client, a Head and then room for its inline ticket, in one
    // pinned array of lines reached through firstHead (the array is kept referenced so that it stays alive).
    private readonly Line[] storage;
    private readonly unsafe byte* firstHead;
    private readonly int stride;
    private long inlineTicketsHeld;

    /// <summary>Client <paramref name="client"/>'s head, checked against the client count.</summary>
    private unsafe ref Head HeadOf(int client)
    {
        if ((uint)client >= (uint)Clients)
        {
            ThrowNoClient(client);
        }

        return ref *(Head*)(firstHead + ((long)client * stride));
    }

    private static void ThrowNoClient(int client) => throw new ArgumentOutOfRangeException(nameof(client), $"no client {client}");

    /// <summary>The room for an inline ticket right after head <paramref name="h"/> (a head in this arena's storage).</summary>
    private unsafe Span<byte> InlineRoom(ref Head h) => new((byte*)Unsafe.AsPointer(ref h) + sizeof(Head), InlineTicketBytes);

    /// <summary>Head storage for <paramref name="clients"/>: each a stride of whole lines, the first (on a line, or for large storage a 4 KiB boundary) at <paramref name="first"/>.</summary>
    private static unsafe Line[] AllocateHeads(int clients, int inlineTicketBytes, out byte* first, out int stride)
    {
        stride = (sizeof(Head) + inlineTicketBytes + LineBytes - 1) / LineBytes * LineBytes;
        long bytes = (long)clients * stride;
        long align = bytes >= LargeArrays.MinAdvisedBytes ? PageBytes : LineBytes;
        var storage = LargeArrays.AllocatePinned(checked((int)((bytes + align) / LineBytes)), out Line* start);
        first = (byte*)(((long)start + align - 1) & ~(align - 1));
        return storage;
    }

    /// <summary>Where a new newest session of the first key keeps <paramref name="ticket"/>: beside the head if it fits, else in the arena.</summary>
    private int KeepFirstTicket(ref Head h, ReadOnlySpan<byte> ticket)
    {
        if (ticket.IsEmpty || ticket.Length > InlineTicketBytes)
        {
            return tickets.Add(ticket);
        }

        ticket.CopyTo(InlineRoom(ref h));
        inlineTicketsHeld += Granules(ticket.Length);
        return InlineTicket;
    }

    /// <summary>The ticket bytes of <paramref name="s"/>, a session of client head <paramref name="h"/>.</summary>
    private Span<byte> TicketOf(ref Head h, in StoredSession s) =>
        s.Ticket == InlineTicket ? InlineRoom(ref h)[..s.Session.TicketLength] : tickets.Span(s.Ticket, s.Session.TicketLength);

    /// <summary>Ticket bytes as the arena counts them, rounded up to its 16-byte granules.</summary>
    private static long Granules(int length) => (length + 15) & ~15L;

    /// <summary>Key slot <paramref name="k"/> of a client: the inline first one, or one of its overflow.</summary>
    private ref KeySlot Key(ref Head h, int k) => ref k == 0 ? ref h.First : ref overflows[h.Overflow - 1]!.Rest[k - 1];

    /// <summary>Keys that fit without growing: the inline one plus the overflow's.</summary>
    private int Capacity(ref Head h) => 1 + (h.Overflow == 0 ? 0 : overflows[h.Overflow - 1]!.Rest.Length);

    /// <summary>Session <paramref name="i"/> (0 = newest) of key <paramref name="k"/>.</summary>
    private StoredSession At(ref Head h, int perKey, int k, int i)
    {
        if (i == 0)
        {
            return Key(ref h, k).Newest;
        }

        if (k == 0)
        {
            return h.Older == 0 ? default : Blocks(perKey).Items[h.Older - 1 + i - 1];
        }

        var older = overflows[h.Overflow - 1]!.Older;
        return older is null ? default : older[((k - 1) * (perKey - 1)) + i - 1];
    }

    private void SetAt(ref Head h, int perKey, int k, int i, StoredSession session)
    {
        if (i == 0 && k == 0)
        {
            h.First.Newest = session;
            return;
        }

        // Only the first key's newest keeps its ticket beside the head: one moving elsewhere takes it to the arena.
        if (session.Present && session.Ticket == InlineTicket)
        {
            int moved = tickets.Add(InlineRoom(ref h)[..session.Session.TicketLength]);
            inlineTicketsHeld -= Granules(session.Session.TicketLength);
            session = new StoredSession(session.Session, moved);
        }

        if (i == 0)
        {
            Key(ref h, k).Newest = session;
            return;
        }

        if (k == 0)
        {
            if (h.Older == 0)
            {
                if (!session.Present)
                {
                    return;
                }

                h.Older = Blocks(perKey).Allocate() + 1;
            }

            Blocks(perKey).Items[h.Older - 1 + i - 1] = session;
            return;
        }

        var overflow = overflows[h.Overflow - 1]!;
        if (overflow.Older is null)
        {
            if (!session.Present)
            {
                return;
            }

            overflow.Older = new StoredSession[overflow.Rest.Length * (perKey - 1)];
        }

        overflow.Older[((k - 1) * (perKey - 1)) + i - 1] = session;
    }

    private int Find(ref Head h, int origin)
    {
        for (int i = 0; i < h.Count; i++)
        {
            if (Key(ref h, i).Origin == origin)
            {
                return i;
            }
        }

        return -1;
    }

    private int AddKey(ref Head h, ClientPreset preset, int perKey, int origin)
    {
        if (h.Count == preset.CacheEntries)
        {
            int victim = 0;
            for (int i = 1; i < h.Count; i++)
            {
                victim = Key(ref h, i).LastUse < Key(ref h, victim).LastUse ? i : victim;
            }

            RemoveKey(ref h, perKey, victim);
            Evictions++;
        }

        if (h.Count == Capacity(ref h))
        {
            GrowKeys(ref h, perKey, Math.Min(preset.CacheEntries, Capacity(ref h) * 2) - 1);
        }

        Key(ref h, h.Count) = new KeySlot { Origin = origin };
        for (int i = 1; i < perKey; i++)
        {
            SetAt(ref h, perKey, h.Count, i, default);
        }

        return h.Count++;
    }

    private void RemoveKey(ref Head h, int perKey, int k)
    {
        for (int i = 0; i < perKey; i++)
        {
            Release(At(ref h, perKey, k, i));
        }

        int last = h.Count - 1;
        if (k != last)
        {
            Key(ref h, k) = Key(ref h, last);
            for (int i = 1; i < perKey; i++)
            {
                SetAt(ref h, perKey, k, i, At(ref h, perKey, last, i));
            }
        }

        Key(ref h, last).Newest = default;
        for (int i = 1; i < perKey; i++)
        {
            SetAt(ref h, perKey, last, i, default);
        }

        h.Count--;
    }

    private void RemoveAt(ref Head h, int perKey, int k, int i)
    {
        Release(At(ref h, perKey, k, i));
        for (int j = i; j < perKey - 1; j++)
        {
            SetAt(ref h, perKey, k, j, At(ref h, perKey, k, j + 1));
        }

        SetAt(ref h, perKey, k, perKey - 1, default);
    }

    /// <summary>Keys 1.. of a client live in its overflow, made on its second origin and grown by doubling.</summary>
    private void GrowKeys(ref Head h, int perKey, int restLength)
    {
        if (h.Overflow == 0)
        {
            var made = new Overflow { Rest = new KeySlot[restLength] };
            if (freeOverflows.TryPop(out int index))
            {
                overflows[index] = made;
            }
            else
            {
                index = overflows.Count;
                overflows.Add(made);
            }

            h.Overflow = index + 1;
            return;
        }

        var overflow = overflows[h.Overflow - 1]!;
        Array.Resize(ref overflow.Rest, restLength);
        if (overflow.Older is not null)
        {
            Array.Resize(ref overflow.Older, restLength * (perKey - 1));
        }
    }

    /// <summary>Gives back an emptied client's older-session block and overflow.</summary>
    private void FreeStorage(ref Head h, int perKey)
    {
        if (h.Older != 0)
        {
            Blocks(perKey).Free(h.Older - 1);
        }

        if (h.Overflow != 0)
        {
            overflows[h.Overflow - 1] = null;
            freeOverflows.Push(h.Overflow - 1);
        }
    }

    /// <summary>The pool of blocks of <paramref name="perKey"/> - 1 older sessions (one pool per block length).</summary>
    private SessionBlocks Blocks(int perKey)
    {
        while (olderBlocks.Count < perKey)
        {
            olderBlocks.Add(null);
        }

        return olderBlocks[perKey - 1] ??= new SessionBlocks(perKey - 1);
    }

    /// <summary>A client session as stored: the session, its ticket's handle in a <see cref="ByteArena"/> (-1: none), and whether the slot is used.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly struct StoredSession(HeldSession session, int ticket)
    {
        public readonly HeldSession Session = session;
        public readonly int Ticket = ticket;
        public readonly bool Present = true;
    }

    /// <summary>One origin key: its newest session, when it was last used (a per-client counter), its origin.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct KeySlot
    {
        public StoredSession Newest;
        public long LastUse;
        public int Origin;
    }

    /// <summary>A client's cache head: first key inline, counters, and where the rest lives (index + 1; 0 = none).</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Head
    {
        public KeySlot First;
        public long UseClock;
        public int Count;
        public int Lookups;
        public int Older;
        public int Overflow;
    }

    /// <summary>One cache line of head storage.</summary>
    [InlineArray(LineBytes)]
    private struct Line
    {
        private byte first;
    }

    /// <summary>Keys 1.. of a client of several origins, and their older sessions.</summary>
    private sealed class Overflow
    {
        public KeySlot[] Rest = [];
        public StoredSession[]? Older;
    }

    /// <summary>Fixed-size blocks of older sessions in one growable array, recycled through a free list.</summary>
    private sealed class SessionBlocks(int length)
    {
        private readonly Stack<int> free = new();
        private int used;

        public StoredSession[] Items { get; private set; } = new StoredSession[Math.Max(1, length) * 64];

        public int Allocate()
        {
            if (free.TryPop(out int start))
            {
                return start;
            }

            start = used;
            used += length;
            if (used > Items.Length)
            {
                var items = Items;
                Array.Resize(ref items, Math.Max(used, Items.Length * 2));
                Items = items;
            }

            return start;
        }

        public void Free(int start)
        {
            Array.Clear(Items, start, length);
            free.Push(start);
        }
    }
}
