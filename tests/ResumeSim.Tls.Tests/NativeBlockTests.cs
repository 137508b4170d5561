using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls.Tests;

// Alone: other test classes make and drop session tables, which move OffHeapMemory.BytesInUse.
[Collection(nameof(NativeBlockTests))]
public sealed class NativeBlockTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(40_000)]
    public unsafe void NewBlock_IsZeroedAndWritable_AndDisposingTwiceIsHarmless(int length)
    {
        var block = new NativeBlock<long>(length);
        Assert.Equal(length, block.Length);
        Assert.Equal(length == 0, block.First == null);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(0, block.First[i]);
            block.First[i] = i;
        }

        Assert.Equal(length == 0 ? 0 : length - 1, length == 0 ? 0 : block.First[length - 1]);
        block.Dispose();
        Assert.True(block.First == null);
        block.Dispose();
    }

    [Fact]
    public void OffHeapMemory_CountsABlockUntilItIsDisposed()
    {
        // Tables other tests dropped give their blocks back from the finalizer thread: let them do it
        // first, and allow no collection (so no new finalizer) while counting.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.True(GC.TryStartNoGCRegion(16 << 20));
        try
        {
            long before = OffHeapMemory.BytesInUse;
            var block = new NativeBlock<long>(1_000_000);
            Assert.Equal(before + 8_000_000, OffHeapMemory.BytesInUse);
            block.Dispose();
            block.Dispose();
            Assert.Equal(before, OffHeapMemory.BytesInUse);
        }
        finally
        {
            GC.EndNoGCRegion();
        }
    }

    [Fact]
    public void NegativeLength_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NativeBlock<int>(-1));
}

[CollectionDefinition(nameof(NativeBlockTests), DisableParallelization = true)]
public sealed class NativeBlockTestsCollection
{
}
