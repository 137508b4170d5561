using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

/// <summary>
/// The heap's sifts read without bounds checks, so it must never hold more entries than the index
/// arithmetic of its children (4i + 1 in an int) covers.
/// </summary>
public sealed class QuaternaryHeapCapacityTests
{
    [Fact]
    public void Constructor_CapacityAboveTheCap_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuaternaryHeap(QuaternaryHeap.MaxCapacity + 1));
    }

    [Fact]
    public void Grown_DoublingPastTheCap_StopsAtTheCap()
    {
        Assert.Equal(QuaternaryHeap.MaxCapacity, QuaternaryHeap.Grown((1 << 28) + 1, 1L << 29));
        Assert.Equal(QuaternaryHeap.MaxCapacity, QuaternaryHeap.Grown(QuaternaryHeap.MaxCapacity, 2L * QuaternaryHeap.MaxCapacity));
        Assert.Equal(1 << 20, QuaternaryHeap.Grown((1 << 19) + 1, 1L << 20));
    }

    [Theory]
    [InlineData(QuaternaryHeap.MaxCapacity + 1)]
    [InlineData(int.MinValue)] // an int overflowed by count + added entries
    public void Grown_MoreEntriesThanTheCap_IsRefused(int needed)
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuaternaryHeap.Grown(needed, 2L * QuaternaryHeap.MaxCapacity));

        Assert.Contains("at most 536,870,912 entries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxCapacity_KeepsTheLastIndexsFirstChildInAnInt()
    {
        long lastIndex = QuaternaryHeap.MaxCapacity - 1;
        Assert.True((4 * lastIndex) + 1 <= int.MaxValue);
    }
}
