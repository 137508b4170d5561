using ResumeSim.Model.Completion;
using ResumeSim.Model.Metrics;
using ResumeSim.Model.Tests.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Completion;

/// <summary>How completed connections, first bytes and pages are counted.</summary>
public sealed class CompletionTallyTests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void Connection_CountsByOutcome_MissesOnlyForFullHandshakes_InTheStartsBucket()
    {
        var metrics = new MetricsRecorder(0, 10 * Second, Second, servers: 1);
        var tally = new CompletionTally(metrics);
        var (full, resumed) = FarmParts.FullThenResumed(TestScenarios.OneServer(TestScenarios.Ids()), TestScenarios.Ids());

        tally.Connection(start: 2 * Second, server: 0, offered: false, full, MissReason.NotOffered, ready: 2 * Second + 80_000_000);
        tally.Connection(start: 3 * Second, server: 0, offered: true, resumed, MissReason.UnknownId, ready: 3 * Second + 40_000_000);

        Assert.Equal(2, metrics.Connections);
        Assert.Equal(1, metrics.Offered);
        Assert.Equal(1, metrics.Full);
        Assert.Equal(1, metrics.ResumedById);
        Assert.Equal(1, metrics.Misses[(int)MissReason.NotOffered]);
        Assert.Equal(0, metrics.Misses[(int)MissReason.UnknownId]);
        Assert.Equal(1, metrics.Series.Full[2]);
        Assert.Equal(1, metrics.Series.Resumed[3]);
        Assert.Equal(2, metrics.Handshake.Count);
    }

    [Fact]
    public void Connection_StartedAfterTheEnd_CountsInTheLastBucket()
    {
        var metrics = new MetricsRecorder(0, 10 * Second, Second, servers: 1);
        var (full, _) = FarmParts.FullThenResumed(TestScenarios.OneServer(TestScenarios.Ids()), TestScenarios.Ids());

        new CompletionTally(metrics).Connection(start: 11 * Second, server: 0, offered: false, full, MissReason.NotOffered, ready: 12 * Second);

        Assert.Equal(1, metrics.Series.Connections[9]);
    }

    [Fact]
    public void FirstByteAndPage_RecordTheirLatencies()
    {
        var metrics = new MetricsRecorder(0, 10 * Second, Second, servers: 1);
        var tally = new CompletionTally(metrics);
        var (full, _) = FarmParts.FullThenResumed(TestScenarios.OneServer(TestScenarios.Ids()), TestScenarios.Ids());

        tally.FirstByte(start: Second, firstByte: Second + 120_000_000, full);
        tally.Page(start: Second, ready: Second + 200_000_000);

        Assert.Equal(1, metrics.FirstByte.Count);
        Assert.Equal(1, metrics.Pages);
        Assert.Equal(1, metrics.Page.Count);
        Assert.Equal(0, metrics.EarlyDataRejected);
    }
}
