namespace ResumeSim.Tls.Tests;

public sealed class RemovedSessionsTests
{
    [Fact]
    public void TryGet_RecordedId_GivesItsReason()
    {
        var log = new RemovedSessions(4);
        log.Record(Sessions.Id(1), RemovalReason.EvictedForCapacity);
        log.Record(Sessions.Id(2), RemovalReason.Expired);

        Assert.True(log.TryGet(Sessions.Id(1), out var first));
        Assert.Equal(RemovalReason.EvictedForCapacity, first);
        Assert.True(log.TryGet(Sessions.Id(2), out var second));
        Assert.Equal(RemovalReason.Expired, second);
        Assert.False(log.TryGet(Sessions.Id(3), out _));
    }

    [Fact]
    public void Record_BeyondCapacity_ForgetsTheOldest()
    {
        var log = new RemovedSessions(3);
        for (int i = 1; i <= 5; i++)
        {
            log.Record(Sessions.Id(i), RemovalReason.Flushed);
        }

        Assert.Equal(3, log.Count);
        Assert.False(log.TryGet(Sessions.Id(1), out _));
        Assert.False(log.TryGet(Sessions.Id(2), out _));
        Assert.True(log.TryGet(Sessions.Id(5), out _));
    }

    [Fact]
    public void Record_SameIdAgain_KeepsTheNewestReasonWhenTheOldSlotIsReused()
    {
        var log = new RemovedSessions(2);
        log.Record(Sessions.Id(1), RemovalReason.Expired);
        log.Record(Sessions.Id(1), RemovalReason.Flushed);
        log.Record(Sessions.Id(2), RemovalReason.Expired);

        Assert.True(log.TryGet(Sessions.Id(1), out var reason));
        Assert.Equal(RemovalReason.Flushed, reason);
    }
}
