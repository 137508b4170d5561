namespace ResumeSim.Tls.Tests;

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
    public void NegativeLength_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NativeBlock<int>(-1));
}
