namespace ResumeSim.Tls.Tests;

/// <summary>
/// <see cref="NginxSlabZone"/> against nginx 1.22.1's allocator (src/core/ngx_slab.c: ngx_slab_init,
/// ngx_slab_alloc_locked; src/event/ngx_event_openssl.c: ngx_ssl_session_cache_init, ngx_ssl_new_session)
/// and against real nginx: validation/nginx/zones.sh filled each zone with sessions that live an hour and
/// probed newest first (docs/validation.md, "Zone sizes").
/// </summary>
public sealed class NginxSlabZoneTests
{
    [Theory]
    [InlineData(32 * 1024, 63)] // measured: shared:SSL:32k held 63
    [InlineData(64 * 1024, 144)] // measured: 64k held 144
    [InlineData(256 * 1024, 656)] // measured: 256k held 656 (twice)
    [InlineData(1024 * 1024, 2688)] // measured: 1m held 2688 (twice)
    public void Sessions_OfAZone_AreWhatRealNginxHeld(long zoneBytes, long measured)
    {
        Assert.Equal(measured, NginxSlabZone.Sessions(zoneBytes));
    }

    [Theory]
    [InlineData(32 * 1024, 7)] // 704 B of pool header, slot heads and statistics + 7 descriptors fit the first page
    [InlineData(64 * 1024, 15)]
    [InlineData(1024 * 1024, 254)] // 254 descriptors (6 KiB) push the first page to the third 4 KiB boundary
    [InlineData(10 * 1024 * 1024, 2544)]
    public void Pages_AreWhatNgxSlabInitLeaves(long zoneBytes, long pages)
    {
        Assert.Equal(pages, NginxSlabZone.Pages(zoneBytes));
    }

    [Fact]
    public void Pages_WhenThePageBoundaryLeavesFewerPagesThanDescriptors_DropsTheExtra()
    {
        // 9 pages of bytes: (36864 - 704) / 4120 = 8 descriptors, and the pages, from 4096 on, have room
        // for 8. One byte less still makes 8 descriptors but leaves room for 7 whole pages, and
        // "m = pages - (end - start) / ngx_pagesize" drops one.
        Assert.Equal(8, NginxSlabZone.Pages(9 * 4096));
        Assert.Equal(7, NginxSlabZone.Pages((9 * 4096) - 1));
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(8, 8)]
    [InlineData(9, 16)]
    [InlineData(35, 64)] // the log string of a zone named SSL
    [InlineData(128, 128)] // ngx_ssl_sess_id_t on 64-bit
    [InlineData(158, 256)] // a TLS 1.2 session with SNI, measured
    [InlineData(2048, 2048)]
    [InlineData(2049, 0)] // over ngx_slab_max_size: whole pages
    public void ChunkBytes_IsTheNextPowerOfTwo(int bytes, int chunk)
    {
        Assert.Equal(chunk, NginxSlabZone.ChunkBytes(bytes));
    }

    [Theory]
    [InlineData(8, 504)] // 512 chunks, 8 hold the page's bitmap
    [InlineData(16, 254)]
    [InlineData(32, 127)]
    [InlineData(64, 64)] // the bitmap lives in the page descriptor from here on
    [InlineData(128, 32)]
    [InlineData(256, 16)]
    public void ChunksPerPage_LeavesRoomForTheBitmapOfSmallChunks(int chunk, int perPage)
    {
        Assert.Equal(perPage, NginxSlabZone.ChunksPerPage(chunk));
    }

    [Fact]
    public void Sessions_ThirtyTwoKiB_AreFarFewerThanZoneOver384()
    {
        // 7 pages: one of 128 B chunks shared by the cache structure and 31 nodes, one for the 64 B log
        // string, and 5 that sessions claim as they need them: 4 of 256 B chunks (64) and 1 more of 128 B.
        Assert.Equal(63, NginxSlabZone.Sessions(32 * 1024));
        Assert.Equal(85, 32 * 1024 / 384);
    }

    [Fact]
    public void Sessions_ZoneNameOver32Characters_PutsTheLogStringWithTheNodes()
    {
        // sizeof(" in SSL session shared cache \"\"") is 32: a 33-character name makes a 65 B string, a
        // 128 B chunk beside the nodes, and the page the 64 B class took goes to sessions.
        Assert.True(NginxSlabZone.Sessions(32 * 1024, zoneName: new string('z', 33)) > NginxSlabZone.Sessions(32 * 1024));
    }

    [Fact]
    public void Sessions_OfAnyLengthFrom129To256Bytes_TakeTheSameChunk()
    {
        Assert.Equal(NginxSlabZone.Sessions(1 << 20, 129), NginxSlabZone.Sessions(1 << 20, 256));
        Assert.True(NginxSlabZone.Sessions(1 << 20, 257) < NginxSlabZone.Sessions(1 << 20, 256));
    }

    [Fact]
    public void Sessions_ZoneBelowEightPages_IsRefusedAsNginxRefusesIt()
    {
        // ngx_http_ssl_session_cache: n < 8 * ngx_pagesize is "session cache ... is too small".
        Assert.Throws<ArgumentOutOfRangeException>(() => NginxSlabZone.Sessions(NginxSlabZone.MinZoneBytes - 1));
        Assert.Equal(63, NginxSlabZone.Sessions(NginxSlabZone.MinZoneBytes));
    }
}
