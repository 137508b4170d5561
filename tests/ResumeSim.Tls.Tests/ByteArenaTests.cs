using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls.Tests;

public sealed class ByteArenaTests
{
    [Fact]
    public void Records_KeepTheirBytes_AcrossPagesAndReuse()
    {
        var arena = new ByteArena(600);
        var handles = new List<(int Handle, byte[] Bytes)>();
        for (int i = 0; i < 20_000; i++)
        {
            // 20,000 records of 1..600 B: several pages (64 KiB, then doubling); every third one freed at once.
            var bytes = new byte[1 + (i * 37 % 600)];
            Array.Fill(bytes, (byte)i);
            int handle = arena.Add(bytes);
            if (i % 3 == 0)
            {
                arena.Free(handle, bytes.Length);
            }
            else
            {
                handles.Add((handle, bytes));
            }
        }

        foreach (var (handle, bytes) in handles)
        {
            Assert.Equal(bytes, arena.Span(handle, bytes.Length).ToArray());
        }

        Assert.Equal(handles.Sum(h => (h.Bytes.Length + 15) / 16 * 16), arena.Bytes);
    }

    [Fact]
    public void Free_SpaceIsReusedBySameSizeClass()
    {
        var arena = new ByteArena(256);
        int first = arena.Add(new byte[170]);
        arena.Free(first, 170);
        Assert.Equal(first, arena.Add(new byte[176])); // 170 and 176 B are both 11 granules
        Assert.NotEqual(first, arena.Add(new byte[176]));
    }

    [Fact]
    public void Span_OutsideTheCarvedPages_IsRefused()
    {
        var arena = new ByteArena(64);
        int handle = arena.Add(new byte[40]);
        Assert.Equal(40, arena.Span(handle, 40).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Span(-1, 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Span(1 << 20, 16)); // page 1 does not exist yet
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Span(handle, (1 << 16) + 1)); // past the 64 KiB first page
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Span(8192, 16)); // starts 128 KiB into that page
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Span(handle, -1));
        Assert.Equal(16, arena.Span(4095, 16).Length); // the page's last granule
    }

    [Fact]
    public void Add_EmptyIsNoRecord_AndTooLongIsRefused()
    {
        var arena = new ByteArena(64);
        Assert.Equal(-1, arena.Add([]));
        arena.Free(-1, 0);
        Assert.Equal(0, arena.Bytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Add(new byte[65]));
    }
}
