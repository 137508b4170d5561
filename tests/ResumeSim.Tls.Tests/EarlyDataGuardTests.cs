namespace ResumeSim.Tls.Tests;

public sealed class EarlyDataGuardTests
{
    private static byte[] Ticket(int n)
    {
        var t = new byte[40];
        t[^1] = (byte)n;
        t[^2] = (byte)(n >> 8);
        return t;
    }

    [Fact]
    public void TryAccept_SameTicketTwice_SecondIsReplay()
    {
        var guard = new EarlyDataGuard(10 * Times.Second, 100);
        Assert.Equal(EarlyDataStatus.Accepted, guard.TryAccept(Ticket(1), 1000, 0, Times.Second));
        Assert.Equal(EarlyDataStatus.RejectedReplay, guard.TryAccept(Ticket(1), 1000, 0, Times.Second));
        Assert.Equal(EarlyDataStatus.Accepted, guard.TryAccept(Ticket(2), 1000, 0, Times.Second));
        Assert.Equal(1, guard.Replays);
        Assert.Equal(2, guard.Accepted);
    }

    [Fact]
    public void TryAccept_AgeDiffersByMoreThanWindow_Rejected()
    {
        var guard = new EarlyDataGuard(10 * Times.Second, 100);
        Assert.Equal(EarlyDataStatus.RejectedOutsideWindow, guard.TryAccept(Ticket(1), 0, 0, 11 * Times.Second));
        Assert.Equal(EarlyDataStatus.Accepted, guard.TryAccept(Ticket(1), 0, 0, 10 * Times.Second));
    }

    [Fact]
    public void TryAccept_ReplayAfterRecordPurged_FailsFreshness()
    {
        var guard = new EarlyDataGuard(10 * Times.Second, 100);
        Assert.Equal(EarlyDataStatus.Accepted, guard.TryAccept(Ticket(1), 5000, 0, 5 * Times.Second));
        long later = 5 * Times.Second + 20 * Times.Second;
        Assert.Equal(EarlyDataStatus.RejectedOutsideWindow, guard.TryAccept(Ticket(1), 5000, 0, later));
        Assert.Equal(0, guard.Count);
    }

    [Fact]
    public void TryAccept_WhenFull_FailsClosed()
    {
        var guard = new EarlyDataGuard(10 * Times.Second, 2);
        guard.TryAccept(Ticket(1), 0, 0, 0);
        guard.TryAccept(Ticket(2), 0, 0, 0);
        Assert.Equal(EarlyDataStatus.RejectedGuardFull, guard.TryAccept(Ticket(3), 0, 0, 0));
        Assert.Equal(EarlyDataStatus.Accepted, guard.TryAccept(Ticket(3), 20000, 0, 20 * Times.Second));
    }
}
