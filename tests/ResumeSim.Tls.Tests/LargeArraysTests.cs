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

    [Fact]
    public void Allocate_OfTypesHoldingReferences_IsAnOrdinaryArray()
    {
        var array = LargeArrays.Allocate<KeyValuePair<string, int>>(1_000_000);
        array[0] = new("a", 1);
        Assert.Equal("a", array[0].Key);
    }
}
