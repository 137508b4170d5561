using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls.Tests;

public sealed class LargeArraysTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(3_000_000)] // 24 MB of longs: pinned and advised on Linux
    public void Allocate_GivesAZeroedWritableArray(int length)
    {
        var array = LargeArrays.Allocate<long>(length);
        Assert.Equal(length, array.Length);
        Assert.All(array, v => Assert.Equal(0, v));
        for (int i = 0; i < length; i += 4099)
        {
            array[i] = i + 1;
        }

        for (int i = 0; i < length; i++)
        {
            Assert.Equal(i % 4099 == 0 ? i + 1 : 0, array[i]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)] // small: pinned all the same, so its address may be kept
    [InlineData(3_000_000)]
    public unsafe void AllocatePinned_GivesTheAddressOfAZeroedArrayThatDoesNotMove(int length)
    {
        var array = LargeArrays.AllocatePinned(length, out long* first);
        Assert.Equal(length, array.Length);
        for (int i = 0; i < length; i += 997)
        {
            Assert.Equal(0, first[i]);
            first[i] = i + 1; // written through the address, read through the array
        }

        // Collections (compacting ones included) leave a pinned array where it is.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        if (length > 0)
        {
            fixed (long* now = array)
            {
                Assert.True(now == first);
            }
        }

        for (int i = 0; i < length; i++)
        {
            Assert.Equal(i % 997 == 0 ? i + 1 : 0, array[i]);
        }
    }

    [Fact]
    public void Allocate_OfTypesHoldingReferences_IsAnOrdinaryArray()
    {
        var array = LargeArrays.Allocate<KeyValuePair<string, int>>(1_000_000);
        array[0] = new("a", 1);
        Assert.Equal("a", array[0].Key);
    }
}
