using System.Runtime.InteropServices;

namespace ResumeSim.LowLevel.Memory;

/// <summary>
/// Variable-length byte records (the ticket bytes of a client session cache, the serialized
/// sessions of a server session table) in pages carved into 16-byte granules, one free list per size
/// class, so a client's 176-byte ticket costs 176 bytes in a page instead of a 200-byte array object that the
/// garbage collector must track: with millions of clients, an object per ticket is most of the heap and
/// of every full collection (docs/performance.md, Scale). A handle is page &lt;&lt; 20 | granule; -1 is none. Pages double from 64 KiB (a
/// one-client cache stays small) to 16 MiB, from <see cref="LargeArrays"/>, so the big ones are huge-page
/// backed where possible. Freed space is reused only by records of the same size class, which is every
/// record of a run in practice (one cipher, one SNI and ALPN). Not thread-safe.
/// </summary>
public sealed class ByteArena
{
    private const int GranuleShift = 4;
    private const int PageShift = 24;
    private const int MaxPageBytes = 1 << PageShift;
    private const int FirstPageBytes = 1 << 16;
    private const int GranuleBits = PageShift - GranuleShift;
    private const int MaxPages = 1 << (31 - GranuleBits);

    // Pages are pinned, and each one's address and length are kept here, so a record is reached without
    // touching its page's array object: the header a bounds or null check reads sits at the start of a
    // 16 MiB page, and reading it put a cache and TLB miss of its own in front of every record read far
    // into the page (5% of a 3M-client run's samples, in SessionTable's session prefetch; docs/performance.md, Follow-up 4).
    // The arrays are kept referenced so that they stay alive.
    private byte[][] pages = new byte[4][];
    private nint[] pageAddresses = new nint[4];
    private int[] pageLengths = new int[4];
    private int pageCount;
    private readonly int[]?[] free;
    private readonly int[] freeCounts;
    private readonly int maxLength;
    private int top;
    private int pageBytes;

    /// <summary>Creates an empty arena for records of at most <paramref name="maxLength"/> bytes.</summary>
    public ByteArena(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 1 << 16);
        this.maxLength = maxLength;
        free = new int[]?[SizeClass(maxLength) + 1];
        freeCounts = new int[SizeClass(maxLength) + 1];
    }

    /// <summary>Bytes held by live records, rounded up to granules.</summary>
    public long Bytes { get; private set; }

    /// <summary>Copies <paramref name="record"/> in and returns its handle (-1 for an empty record).</summary>
    public int Add(ReadOnlySpan<byte> record)
    {
        if (record.IsEmpty)
        {
            return -1;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(record.Length, maxLength, nameof(record));
        int size = SizeClass(record.Length);
        int handle = freeCounts[size] > 0 ? free[size]![--freeCounts[size]] : Carve(size);
        record.CopyTo(Span(handle, record.Length));
        Bytes += size << GranuleShift;
        return handle;
    }

    /// <summary>The <paramref name="length"/> bytes at <paramref name="handle"/>.</summary>
    public unsafe Span<byte> Span(int handle, int length)
    {
        int page = handle >> GranuleBits;
        int offset = (handle & ((1 << GranuleBits) - 1)) << GranuleShift;
        if ((uint)page >= (uint)pageCount || offset + (long)(uint)length > pageLengths[page])
        {
            ThrowBadHandle(handle, length);
        }

        return new Span<byte>((byte*)pageAddresses[page] + offset, length);
    }

    /// <summary>Hints that the record at <paramref name="handle"/> is about to be read (see <see cref="LargeArrays.Prefetch{T}"/>).</summary>
    public void Prefetch(int handle, int length) => LargeArrays.Prefetch(ref MemoryMarshal.GetReference(Span(handle, length)), length);

    /// <summary>Gives back the space of a record of <paramref name="length"/> bytes (nothing for handle -1).</summary>
    public void Free(int handle, int length)
    {
        if (handle < 0)
        {
            return;
        }

        int size = SizeClass(length);
        var list = free[size] ??= new int[64];
        if (freeCounts[size] == list.Length)
        {
            Array.Resize(ref free[size], list.Length * 2);
            list = free[size]!;
        }

        list[freeCounts[size]++] = handle;
        Bytes -= size << GranuleShift;
    }

    private static void ThrowBadHandle(int handle, int length) =>
        throw new ArgumentOutOfRangeException(nameof(handle), $"no record of {length} bytes at handle {handle}");

    private static int SizeClass(int length) => (length + (1 << GranuleShift) - 1) >> GranuleShift;

    private unsafe int Carve(int size)
    {
        int bytes = size << GranuleShift;
        if (top + bytes > pageBytes)
        {
            if (pageCount == MaxPages)
            {
                throw new InvalidOperationException($"More than {MaxPages} arena pages.");
            }

            if (pageCount == pages.Length)
            {
                Array.Resize(ref pages, pageCount * 2);
                Array.Resize(ref pageAddresses, pageCount * 2);
                Array.Resize(ref pageLengths, pageCount * 2);
            }

            pageBytes = Math.Clamp(pageBytes * 2, FirstPageBytes, MaxPageBytes);
            pages[pageCount] = LargeArrays.AllocatePinned(pageBytes, out byte* first);
            pageAddresses[pageCount] = (nint)first;
            pageLengths[pageCount] = pageBytes;
            pageCount++;
            top = 0;
        }

        int handle = ((pageCount - 1) << GranuleBits) | (top >> GranuleShift);
        top += bytes;
        return handle;
    }
}
