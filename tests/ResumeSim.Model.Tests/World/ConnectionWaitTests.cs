using ResumeSim.Model.Configuration;
using ResumeSim.Tls;
using static ResumeSim.Model.Tests.BrowserScenarios;

namespace ResumeSim.Model.Tests.World;

/// <summary>Parallel vs wait-for-first on a 6-connection page with an empty store.</summary>
public sealed class ConnectionWaitTests
{
    [Fact]
    public void Parallel_EmptyStore_DoesSixFullHandshakes()
    {
        var (pages, _) = Run(Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.Parallel));

        var first = pages[0];
        Assert.Equal(1, first.Visit);
        Assert.Equal(6, first.Connections);
        Assert.Equal(6, first.Full);

        // TLS 1.2 full: TCP 1 RTT + 2 RTT (RFC 5246 7.3), but Chrome False Starts (RFC 7918): its
        // request leaves with its Finished, one round trip before the server's; all six side by side.
        Assert.Equal(2 * Rtt, first.Ready - first.Start);
    }

    [Fact]
    public void WaitForFirst_EmptyStore_DoesOneFullAndFiveResumedStartingWhenTheFirstCompletes()
    {
        var (pages, connections) = Run(Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.WaitForFirst));

        var first = pages[0];
        Assert.Equal(6, first.Connections);
        Assert.Equal(1, first.Full);
        Assert.Equal(5, first.Resumed);

        var ofVisit = connections.Where(c => c.Start >= first.Start && c.Done <= first.Ready).ToList();
        var full = Assert.Single(ofVisit, c => c.Outcome == HandshakeOutcome.Full);
        var resumed = ofVisit.Where(c => c.Outcome == HandshakeOutcome.ResumedById).ToList();
        Assert.Equal(5, resumed.Count);
        Assert.All(resumed, c => Assert.Equal(full.Done, c.Start));

        // Ready = the first handshake (3 RTT) + a resumed one (2 RTT) behind it.
        Assert.Equal((full.Done - full.Start) + (2 * Rtt), first.Ready - first.Start);
    }

    [Fact]
    public void WaitForFirst_SessionExpiredAtTheClient_CountsAsNoSessionAndWaits()
    {
        // A session past the client's own cap is not one it would offer, so the visit waits for a first
        // handshake as a client without a session does, instead of opening six doomed connections.
        var mix = new ClientMixEntry("chrome", 1.0) { LifetimeCap = TimeSpan.FromSeconds(1) };
        var (pages, _) = Run(Page(TestScenarios.Tickets(), ProtocolVersion.Tls12, ConnectionWait.WaitForFirst, mix: mix));

        Assert.True(pages.Count > 2);
        Assert.All(pages, p => Assert.Equal((6, 1), (p.Connections, p.Full)));
    }

    [Fact]
    public void WaitForFirst_Tls12_IsLaterThanParallelByTheWaitersResumedHandshake()
    {
        var parallel = Run(Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.Parallel)).Pages[0];
        var waiting = Run(Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.WaitForFirst)).Pages[0];

        // Parallel: 2 RTT (False Start). Waiting: the waiters need the session, which comes with the
        // first handshake's server Finished at 3 RTT, then 2 RTT for the resumed ones.
        Assert.Equal(parallel.Start, waiting.Start);
        Assert.Equal(3 * Rtt, (waiting.Ready - waiting.Start) - (parallel.Ready - parallel.Start));
    }

    [Fact]
    public void WaitForFirst_Tls13_IsLaterThanParallelByExactlyTheFirstHandshakesDuration()
    {
        // Five tickets after a full handshake, and a client that keeps five (Chrome keeps 2 per key),
        // let all five waiters resume with single-use tickets.
        var strategy = Tls13Tickets(afterFull: 5);
        var mix = new ClientMixEntry("chrome", 1.0) { SessionsPerKey = 5 };
        var (parallelPages, _) = Run(Page(strategy, ProtocolVersion.Tls13, ConnectionWait.Parallel, mix: mix));
        var (waitingPages, connections) = Run(Page(strategy, ProtocolVersion.Tls13, ConnectionWait.WaitForFirst, mix: mix));
        var parallel = parallelPages[0];
        var waiting = waitingPages[0];
        var firstHandshake = connections.First(c => c.Outcome == HandshakeOutcome.Full);

        Assert.Equal(6, parallel.Full);
        Assert.Equal(1, waiting.Full);
        Assert.Equal(5, waiting.Resumed);

        // TLS 1.3 full and PSK both take TCP 1 RTT + 1 RTT, so the wait is the whole difference.
        Assert.Equal(2 * Rtt, firstHandshake.Done - firstHandshake.Start);
        Assert.Equal(firstHandshake.Done - firstHandshake.Start, (waiting.Ready - waiting.Start) - (parallel.Ready - parallel.Start));
    }

    [Fact]
    public void WaitForFirst_Tls13WithTwoTickets_ResumesOnlyTwoOfTheFiveWaiters()
    {
        // OpenSSL's default of 2 tickets per full handshake and Chrome's single use (parameters.md,
        // "What this means for the model" 4): the other three waiters do full handshakes.
        var (pages, _) = Run(Page(Tls13Tickets(afterFull: 2), ProtocolVersion.Tls13, ConnectionWait.WaitForFirst));

        Assert.Equal(4, pages[0].Full);
        Assert.Equal(2, pages[0].Resumed);
    }

    [Fact]
    public void MixEntry_OverridesTheScenarioPages_ForItsKindOnly()
    {
        // pages: says parallel; the chrome entry says wait-for-first with 4 connections.
        var entry = new ClientMixEntry("chrome", 1.0) { Wait = ConnectionWait.WaitForFirst, Connections = 4 };
        var (pages, _) = Run(Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.Parallel, mix: entry));

        Assert.Equal(4, pages[0].Connections);
        Assert.Equal(1, pages[0].Full);
    }
}
