using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls;

/// <summary>The shapes a client's cache is stored in: heads, key slots, stored sessions, overflows and pooled blocks.</summary>
public sealed partial class ClientSessionArena
{
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
