using System.Runtime.InteropServices;
using ResumeSim.Engine;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Engine.Tests;

public sealed class HugePagesTests
{
    [Fact]
    public void AdviseAround_KeepsWhatTheMemoryHolds_AndRemembersEveryPageItTouched()
    {
        var items = GC.AllocateArray<long>(3 << 20 >> 3, pinned: true); // 3 MiB: two or three 2 MiB pages
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = i * 7L;
        }

        var handle = GCHandle.Alloc(items, GCHandleType.Pinned);
        nint start = handle.AddrOfPinnedObject();
        handle.Free(); // the array lives on the pinned heap: it stays where it is
        long bytes = (long)items.Length * sizeof(long);
        HugePages.AdviseAround(start, bytes);
        HugePages.AdviseAround(start, bytes); // a second time: nothing more to do

        Assert.All(Enumerable.Range(0, items.Length), i => Assert.Equal(i * 7L, items[i]));
        if (OperatingSystem.IsLinux())
        {
            Assert.True(HugePages.WasAdvised(start));
            Assert.True(HugePages.WasAdvised(start + (nint)bytes - 1));
            Assert.True(HugePages.WasAdvised(start + (2 << 20)));
        }

        HugePages.AdviseAround(start, 0); // nothing to advise
    }
}
