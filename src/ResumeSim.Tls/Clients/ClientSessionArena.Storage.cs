using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Bytes the whole lines of a stride leave unused after a head and an inline ticket of
    /// <paramref name="inlineTicketBytes"/>: a caller's room of up to this many bytes per client costs no memory.
    /// </summary>
    public static int SpareBytes(int inlineTicketBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inlineTicketBytes);
        int room = RoomOffset(inlineTicketBytes);
        return WholeLines(room) - room;
    }

    /// <summary>
    /// The first of <see cref="ClientBytes"/> bytes that <paramref name="client"/>'s stride keeps for the caller,
    /// after its head and inline ticket, zero at first: per-client fields of the caller's that fit in
    /// <see cref="SpareBytes"/> then cost no memory, and sit on the lines a visit reads anyway. The arena never
    /// writes them (<see cref="Forget"/> included). Fixed in memory for the arena's life, aligned to 4 bytes.
    /// </summary>
    public unsafe ref byte ClientRoom(int client)
    {
        if (ClientBytes == 0)
        {
            ThrowNoRoom();
        }

        return ref *((byte*)Unsafe.AsPointer(ref HeadOf(client)) + RoomOffset(InlineTicketBytes));
    }

    /// <summary><paramref name="bytes"/> rounded up to whole cache lines.</summary>
    private static int WholeLines(int bytes) => (bytes + LineBytes - 1) / LineBytes * LineBytes;

    /// <summary>Where the caller's room starts in a stride: after the head and the inline ticket, on 4 bytes.</summary>
    private static unsafe int RoomOffset(int inlineTicketBytes) => (sizeof(Head) + inlineTicketBytes + 3) & ~3;

    private static void ThrowNoRoom() => throw new InvalidOperationException("this arena keeps no bytes for its caller");

    /// <summary>The room for an inline ticket right after head <paramref name="h"/> (a head in this arena's storage).</summary>
    private unsafe Span<byte> InlineRoom(ref Head h) => new((byte*)Unsafe.AsPointer(ref h) + sizeof(Head), InlineTicketBytes);

    /// <summary>Head storage for <paramref name="clients"/> (with the caller's room): each a stride of whole lines, the first (on a line, or for large storage a 4 KiB boundary) at <paramref name="first"/>.</summary>
    private static unsafe Line[] AllocateHeads(int clients, int inlineTicketBytes, int clientBytes, out byte* first, out int stride)
    {
        int used = clientBytes == 0 ? sizeof(Head) + inlineTicketBytes : RoomOffset(inlineTicketBytes) + clientBytes;
        stride = WholeLines(used);
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
}
