using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ResumeSim.Tls;

/// <summary>
/// The id -> slot map of a <see cref="SessionTable"/>: open addressing with linear probing in one
/// <c>long[]</c> whose length is a power of two at least twice the slot count (load &lt;= 1/2). A cell
/// holds the id's 32-bit hash (high half) and slot + 1 (low half; 0 = empty), so a probe compares
/// hashes in the index and reads a slot only when the hash matches: a get costs the index cell and
/// the slot, where <c>Dictionary</c> cost a bucket, an entry and the slot (issue 3).
/// Deletion shifts later cells of the run back (Knuth 6.4 algorithm R), so there are no tombstones
/// and probe runs never degrade however many entries come and go.
/// </summary>
internal sealed class SessionIndex
{
    /// <summary>Largest table: 2^30 cells (8 GiB), i.e. at most 2^29 slots.</summary>
    public const int MaxCellsLog2 = 30;

    private long[] cells;
    private int mask;
    private int shift;

    public SessionIndex(int slots)
    {
        cells = [];
        Resize(slots);
    }

    public int Count { get; private set; }

    /// <summary>Cells in the table (a power of two), for tests.</summary>
    public int Capacity => cells.Length;

    /// <summary>Ids are random bytes (RFC 5246 7.4.1.2; servers fill all 32), so folding the words suffices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(in SessionId id) => (uint)id.GetHashCode();

    /// <summary>The slot holding <paramref name="id"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(in SessionId id, uint hash, SessionSlot[] slots)
    {
        int i = Home(hash);
        while (true)
        {
            long cell = cells[i];
            if (cell == 0)
            {
                return -1;
            }

            if ((uint)(cell >> 32) == hash)
            {
                int slot = (int)(uint)cell - 1;
                if (slots[slot].Id == id)
                {
                    return slot;
                }
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Adds an id known to be absent; the table must have been sized for one more.</summary>
    public void Add(uint hash, int slot)
    {
        Debug.Assert(Count < cells.Length / 2, "index over half full");
        int i = Home(hash);
        while (cells[i] != 0)
        {
            i = (i + 1) & mask;
        }

        cells[i] = Cell(hash, slot);
        Count++;
    }

    /// <summary>Removes the cell of <paramref name="slot"/> (whose id hashes to <paramref name="hash"/>).</summary>
    public void Remove(uint hash, int slot)
    {
        long wanted = Cell(hash, slot);
        int hole = Home(hash);
        while (cells[hole] != wanted)
        {
            Debug.Assert(cells[hole] != 0, "removing an id that is not indexed");
            hole = (hole + 1) & mask;
        }

        // Close the hole: a later cell of the run moves back unless its home lies cyclically in
        // (hole, j], where moving it would put it before its home and make it unreachable.
        int j = hole;
        while (true)
        {
            j = (j + 1) & mask;
            long cell = cells[j];
            if (cell == 0)
            {
                break;
            }

            int home = Home((uint)(cell >> 32));
            bool stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays)
            {
                cells[hole] = cell;
                hole = j;
            }
        }

        cells[hole] = 0;
        Count--;
    }

    /// <summary>Re-sizes the table for up to <paramref name="slots"/> entries, keeping every cell.</summary>
    public void Resize(int slots)
    {
        int log2 = 1;
        while (log2 < MaxCellsLog2 && (1L << log2) < 2L * slots)
        {
            log2++;
        }

        if (cells.Length == 1 << log2)
        {
            return;
        }

        long[] old = cells;
        cells = new long[1 << log2];
        mask = cells.Length - 1;
        shift = 32 - log2;
        Count = 0;
        foreach (long cell in old)
        {
            if (cell != 0)
            {
                Add((uint)(cell >> 32), (int)(uint)cell - 1);
            }
        }
    }

    /// <summary>
    /// The first cell probed for <paramref name="hash"/> (internal for tests). Fibonacci hashing: the
    /// top bits of hash * 2^32/phi, so weak low bits of a hash still spread.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Home(uint hash) => (int)((hash * 2654435769u) >> shift);

    private static long Cell(uint hash, int slot) => (long)(((ulong)hash << 32) | (uint)(slot + 1));
}
