using ResumeSim.Bench.Queueing;

namespace ResumeSim.Engine.Tests.Queueing;

public sealed class FcfsLineTests
{
    [Fact]
    public void KeepsArrivalOrder_AcrossWrapAndGrowth()
    {
        var line = new FcfsLine(0);
        long next = 0;
        long expected = 0;
        // Leave 700 waiting so the head sits mid-array, then outgrow 1,024 places twice with the head wrapped.
        for (int i = 0; i < 1_000; i++)
        {
            line.Push(next++);
        }

        for (int i = 0; i < 300; i++)
        {
            Assert.Equal(expected++, line.Pop());
        }

        for (int i = 0; i < 3_000; i++)
        {
            line.Push(next++);
            if (i % 3 == 0)
            {
                Assert.Equal(expected++, line.Pop());
            }
        }

        while (line.Waiting > 0)
        {
            Assert.Equal(expected++, line.Pop());
        }

        Assert.Equal(next, expected);
    }

    [Fact]
    public void MeanWait_LeavesOutTheWarmupStarts()
    {
        var line = new FcfsLine(2);
        line.Start(10, 0);
        line.Start(20, 0);
        line.Start(1_000_000_000, 0);
        line.Start(3_000_000_000, 0);

        Assert.Equal(2, line.Measured);
        Assert.Equal(2.0, line.MeanWaitSeconds);
        Assert.Equal(0.0, new FcfsLine(0).MeanWaitSeconds);
    }
}
