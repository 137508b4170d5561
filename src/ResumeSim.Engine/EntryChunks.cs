using System.Diagnostics;

namespace ResumeSim.Engine;

/// <summary>
/// A list of <see cref="QueueEntry"/> kept in fixed chunks of <see cref="ChunkSize"/> entries: what
/// <see cref="BucketQueue"/> holds beyond its year (<c>far</c>).
/// </summary>
/// <remarks>
/// <c>far</c> holds every pending entry each time a year runs out, so it grows to the largest
/// pending count of the run: ten million at ten million clients. As one array grown by doubling it
/// ended at 2^24 entries (403 MB, of which 160 MB never held an entry) and left the 2^23, 2^22 ...
/// arrays it outgrew, another 400 MB, for the collector; all of it is memory touched for the first
/// time, which on the measuring VM costs about 9 s per GiB (docs/performance.md, "Memory touched
/// for the first time"). Chunks never move: growing adds one, so the list costs its entries plus
/// at most one chunk, and nothing is copied. Chunks emptied by <see cref="Truncate"/> are kept for
/// the next fill, so a steady population allocates nothing. Each chunk (96 KiB) lives on the
/// large-object heap, where the collector does not move it.
/// </remarks>
internal sealed class EntryChunks
{
    /// <summary>log2 of <see cref="ChunkSize"/>.</summary>
    public const int ChunkLog2 = 12;

    /// <summary>Entries per chunk.</summary>
    public const int ChunkSize = 1 << ChunkLog2;

    private const int IndexMask = ChunkSize - 1;

    private QueueEntry[][] _chunks = new QueueEntry[4][];
    private int _allocated;
    private QueueEntry[]? _tail;
    private int _count;

    /// <summary>Entries in the list.</summary>
    public int Count => _count;

    /// <summary>Chunks allocated so far, in use or kept for reuse (for tests).</summary>
    public int AllocatedChunks => _allocated;

    /// <summary>The entry at <paramref name="index"/> (0 &lt;= index &lt; <see cref="Count"/>).</summary>
    public ref QueueEntry this[int index]
    {
        get
        {
            Debug.Assert((uint)index < (uint)_count);
            return ref _chunks[index >> ChunkLog2][index & IndexMask];
        }
    }

    /// <summary>Appends one entry.</summary>
    public void Add(in QueueEntry entry)
    {
        int offset = _count & IndexMask;
        if (offset == 0)
        {
            _tail = ChunkAt(_count >> ChunkLog2);
        }

        _tail![offset] = entry;
        _count++;
    }

    /// <summary>Appends many entries, in order.</summary>
    public void AddRange(ReadOnlySpan<QueueEntry> entries)
    {
        while (!entries.IsEmpty)
        {
            int offset = _count & IndexMask;
            if (offset == 0)
            {
                _tail = ChunkAt(_count >> ChunkLog2);
            }

            int n = Math.Min(entries.Length, ChunkSize - offset);
            entries[..n].CopyTo(_tail.AsSpan(offset));
            entries = entries[n..];
            _count += n;
        }
    }

    /// <summary>Number of chunks that hold the <see cref="Count"/> entries.</summary>
    public int ChunksInUse => (_count + IndexMask) >> ChunkLog2;

    /// <summary>The entries of chunk <paramref name="chunk"/> (0 &lt;= chunk &lt; <see cref="ChunksInUse"/>).</summary>
    public Span<QueueEntry> Chunk(int chunk)
    {
        Debug.Assert((uint)chunk < (uint)ChunksInUse);
        return _chunks[chunk].AsSpan(0, Math.Min(ChunkSize, _count - (chunk << ChunkLog2)));
    }

    /// <summary>Keeps the first <paramref name="count"/> entries; the chunks stay for reuse.</summary>
    public void Truncate(int count)
    {
        Debug.Assert((uint)count <= (uint)_count);
        _count = count;
        _tail = (count & IndexMask) != 0 ? _chunks[count >> ChunkLog2] : null;
    }

    private QueueEntry[] ChunkAt(int chunk)
    {
        if (chunk == _allocated)
        {
            if (_allocated == _chunks.Length)
            {
                Array.Resize(ref _chunks, _chunks.Length * 2);
            }

            _chunks[_allocated++] = new QueueEntry[ChunkSize];
        }

        return _chunks[chunk];
    }
}
