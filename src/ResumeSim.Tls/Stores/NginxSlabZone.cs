namespace ResumeSim.Tls;

/// <summary>
/// How many TLS sessions an nginx <c>ssl_session_cache shared:NAME:SIZE</c> zone holds: SIZE is bytes of
/// shared memory that nginx's slab allocator cuts into pages and chunks, not room for SIZE / 384
/// sessions. Read from nginx 1.22.1 (Debian 12's package) on x86-64 Linux (4 KiB pages, 64-bit pointers);
/// measured with validation/nginx/zones.sh (docs/validation.md, "Zone sizes").
/// <para>The zone, in order (<c>src/core/ngx_slab.c</c>, <c>ngx_slab_init</c>):</para>
/// <list type="number">
/// <item>the pool header <c>ngx_slab_pool_t</c> (200 B: the shared mutex words, the page lists, the
/// <c>ngx_shmtx_t</c> with its POSIX semaphore, the log context), then 9 slot list heads (24 B each,
/// one per size class from 8 B to 2 KiB) and 9 statistics records (32 B each);</item>
/// <item>one 24 B descriptor (<c>ngx_slab_page_t</c>) per page: <c>pages = (size left) / (4096 + 24)</c>;</item>
/// <item>the pages themselves, from the next 4 KiB boundary; if that boundary leaves fewer whole pages
/// than descriptors, the count drops to what fits.</item>
/// </list>
/// <para>A request of up to 2 KiB gets a chunk of the next power of two (8 B at least), and chunks of
/// one size live only on pages of that size (<c>ngx_slab_alloc_locked</c>): a page is claimed by the
/// first request of its size class that finds no free chunk, and stays with that class while any of
/// its chunks is used. 8-32 B pages keep their bitmap in their first chunks; 64 B and larger pages
/// keep it in the descriptor, so a page holds 4096 / size chunks.</para>
/// <para>What the cache puts in the zone (<c>src/event/ngx_event_openssl.c</c>):</para>
/// <list type="bullet">
/// <item><c>ngx_ssl_session_cache_init</c>: the cache structure <c>ngx_ssl_session_cache_t</c>
/// (rbtree 24 B + sentinel node 40 B + expire queue 16 B = 80 B, a 128 B chunk), then the log string
/// <c>" in SSL session shared cache \"NAME\""</c> (32 B + the name: 35 B for <c>SSL</c>, a 64 B chunk,
/// so the 64 B class takes a whole page for it);</item>
/// <item><c>ngx_ssl_new_session</c>, per session: first the <c>i2d_SSL_SESSION</c> bytes (a 256 B chunk
/// for a TLS 1.2 session of 129-256 B), then <c>ngx_ssl_sess_id_t</c> (rbtree node 40 B, id pointer,
/// length, session pointer, queue 16 B, expire, stub, the 32 B id inline: 128 B, a 128 B chunk). When
/// either allocation fails the oldest session is dropped once and the allocation retried.</item>
/// </list>
/// <para>So the zone holds sessions until the first allocation that finds neither a free chunk of its
/// class nor a free page; from then on each new session replaces the oldest, and the count stays there.
/// <see cref="Sessions"/> replays that fill. With <c>shared:SSL:32k</c>: 7 pages, one for the 128 B
/// class (cache structure + 31 nodes), one for the log string, then sessions claim pages as they
/// need them: 63 sessions (2 pages of 128 B chunks, 4 of 256 B), where 32768 / 384 = 85.</para>
/// <para>nginx 1.23.2 and later also keep three ticket keys in the cache structure (376 B, a 512 B
/// chunk and a page of its own), which would cost small zones one more page; that layout is not
/// modelled here.</para>
/// </summary>
public static class NginxSlabZone
{
    /// <summary><c>ngx_pagesize</c> on x86-64 Linux.</summary>
    public const int PageBytes = 4096;

    /// <summary>
    /// The smallest zone nginx accepts: 8 pages (<c>ngx_http_ssl_session_cache</c> in
    /// <c>src/http/modules/ngx_http_ssl_module.c</c>: "session cache ... is too small").
    /// </summary>
    public const long MinZoneBytes = 8 * PageBytes;

    /// <summary>
    /// <c>i2d_SSL_SESSION</c> length of a TLS 1.2 session as nginx 1.22.1 with OpenSSL 3.0 stores it:
    /// 158 B with the server name <c>localhost</c>, 145 B without one (measured: nginx's debug log line
    /// <c>ssl new session: HASH:32:LEN</c>, ECDSA P-256 certificate, no client certificate). Any length
    /// from 129 to 256 B takes the same 256 B chunk.
    /// </summary>
    public const int Tls12SessionDerBytes = 158;

    /// <summary>The zone name of the usual <c>shared:SSL:SIZE</c>.</summary>
    public const string DefaultZoneName = "SSL";

    // ngx_slab_pool_t on x86-64 glibc (see the class comment) and the per-class list heads and statistics.
    private const int PoolHeaderBytes = 200;
    private const int SizeClasses = 9; // ngx_pagesize_shift (12) - min_shift (3)
    private const int SlotHeadBytes = 24; // ngx_slab_page_t
    private const int SlotStatBytes = 32; // ngx_slab_stat_t
    private const int PageDescriptorBytes = 24; // ngx_slab_page_t
    private const int MaxChunkBytes = PageBytes / 2; // ngx_slab_max_size
    private const int MinChunkBytes = 8; // 1 << min_shift
    private const int ExactChunkBytes = PageBytes / 64; // ngx_slab_exact_size: the bitmap fits the descriptor

    private const int CacheStructureBytes = 80; // ngx_ssl_session_cache_t in 1.22.1
    private const int LogStringBytesWithoutName = 32; // sizeof(" in SSL session shared cache \"\"")
    private const int SessionNodeBytes = 128; // ngx_ssl_sess_id_t on 64-bit

    /// <summary>
    /// Pages the slab pool of a zone of <paramref name="zoneBytes"/> hands out (<c>ngx_slab_init</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when the zone is below <see cref="MinZoneBytes"/>.</exception>
    public static long Pages(long zoneBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(zoneBytes, MinZoneBytes);
        long headerBytes = PoolHeaderBytes + (SizeClasses * (long)(SlotHeadBytes + SlotStatBytes));
        long pages = (zoneBytes - headerBytes) / (PageBytes + PageDescriptorBytes);

        // The first page starts at the page boundary after the descriptors (the zone itself is mmap'ed,
        // so page-aligned); "m = pages - (end - start) / ngx_pagesize" trims descriptors without a page.
        long start = RoundUp(headerBytes + (pages * PageDescriptorBytes), PageBytes);
        return Math.Min(pages, (zoneBytes - start) / PageBytes);
    }

    /// <summary>
    /// The chunk a request of <paramref name="bytes"/> gets: the next power of two, at least 8 B; 0 for a
    /// request over 2 KiB, which takes whole pages instead.
    /// </summary>
    public static int ChunkBytes(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        if (bytes > MaxChunkBytes)
        {
            return 0;
        }

        int chunk = MinChunkBytes;
        while (chunk < bytes)
        {
            chunk <<= 1;
        }

        return chunk;
    }

    /// <summary>
    /// Chunks of <paramref name="chunkBytes"/> on one page: 8-32 B pages give their first chunks to the
    /// page's bitmap (<c>ngx_slab_alloc_locked</c>, "n" elements for the bitmap).
    /// </summary>
    public static int ChunksPerPage(int chunkBytes)
    {
        int chunks = PageBytes / chunkBytes;
        if (chunkBytes >= ExactChunkBytes)
        {
            return chunks;
        }

        int bitmapChunks = Math.Max(1, chunks / (chunkBytes * 8));
        return chunks - bitmapChunks;
    }

    /// <summary>
    /// Sessions a zone of <paramref name="zoneBytes"/> holds once full, for sessions whose
    /// <c>i2d_SSL_SESSION</c> form is <paramref name="sessionDerBytes"/> long, in a zone named
    /// <paramref name="zoneName"/>: the fill of nginx's allocator, replayed (see the class comment).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// when the zone is below <see cref="MinZoneBytes"/> or the session is over 2 KiB (nginx would
    /// store it in whole pages, which this calculator does not follow).
    /// </exception>
    public static long Sessions(long zoneBytes, int sessionDerBytes = Tls12SessionDerBytes, string zoneName = DefaultZoneName)
    {
        ArgumentNullException.ThrowIfNull(zoneName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sessionDerBytes, MaxChunkBytes);
        var zone = new ZoneFill(Pages(zoneBytes));
        bool initialised = zone.TryAllocate(ChunkBytes(CacheStructureBytes))
            && zone.TryAllocate(ChunkBytes(LogStringBytesWithoutName + zoneName.Length));
        if (!initialised)
        {
            return 0;
        }

        int sessionChunk = ChunkBytes(sessionDerBytes);
        int nodeChunk = ChunkBytes(SessionNodeBytes);
        long sessions = 0;
        while (zone.TryAllocate(sessionChunk) && zone.TryAllocate(nodeChunk))
        {
            sessions++;
        }

        return sessions;
    }

    private static long RoundUp(long value, long multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>Free pages and, per size class, the chunks its pages still have free.</summary>
    private struct ZoneFill(long freePages)
    {
        private long freePages = freePages;
        private ChunkCounts freeChunks;

        /// <summary>Takes one chunk of <paramref name="chunkBytes"/>, claiming a free page when its class has no chunk left.</summary>
        public bool TryAllocate(int chunkBytes)
        {
            int sizeClass = System.Numerics.BitOperations.Log2((uint)chunkBytes) - 3;
            if (freeChunks[sizeClass] == 0)
            {
                if (freePages == 0)
                {
                    return false;
                }

                freePages--;
                freeChunks[sizeClass] = ChunksPerPage(chunkBytes);
            }

            freeChunks[sizeClass]--;
            return true;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(SizeClasses)]
    private struct ChunkCounts
    {
        private long first;
    }
}
