using ResumeSim.Model.Configuration;
using static ResumeSim.Model.Tests.BrowserScenarios;

namespace ResumeSim.Model.Tests.World;

/// <summary>
/// TLS 1.3 with N tickets per full handshake and single-use client tickets, the
/// resumed connections of the next visit are the tickets the client holds. Six parallel connections
/// per visit; the client keeps at most K tickets (newest first); each full handshake brings N
/// tickets, each resumption R. The expected counts below are worked out by hand in the comments.
/// </summary>
public sealed class TicketDepletionTests
{
    [Theory]
    // N=2, K=2 (OpenSSL and Chrome defaults): v1 6 full -> 12 tickets, keeps 2. v2: 2 resumed + 4 full
    // -> 2x1 + 4x2 = 10 new, keeps 2. Same from then on.
    [InlineData(2, 1, 2, new[] { 0, 2, 2, 2 })]
    // N=1, K=16: v1 keeps 6. v2: 6 resumed, 6 new -> 6. Every later visit resumes all six.
    [InlineData(1, 1, 16, new[] { 0, 6, 6, 6 })]
    // N=1, R=0, K=16: v1 keeps 6. v2: 6 resumed, none new -> 0. v3: 6 full -> 6. v4: 6 resumed.
    [InlineData(1, 0, 16, new[] { 0, 6, 0, 6 })]
    // N=2, R=0, K=16: v1 keeps 12. v2: 6 resumed -> 6 left. v3: 6 resumed -> 0 left. v4: 6 full.
    [InlineData(2, 0, 16, new[] { 0, 6, 6, 0 })]
    // N=3, R=1, K=4: v1 18 -> 4. v2: 4 resumed + 2 full -> 4 + 6 = 10 new, keeps 4. And so on.
    [InlineData(3, 1, 4, new[] { 0, 4, 4, 4 })]
    // N=0: no tickets ever, every connection is a full handshake.
    [InlineData(0, 1, 16, new[] { 0, 0, 0, 0 })]
    public void NextVisit_ResumesExactlyTheTicketsTheClientHolds(int afterFull, int afterResumption, int sessionsPerKey, int[] expectedResumed)
    {
        var mix = new ClientMixEntry("chrome", 1.0) { SessionsPerKey = sessionsPerKey };
        var scenario = Page(Tls13Tickets(afterFull, afterResumption), ProtocolVersion.Tls13, ConnectionWait.Parallel, mix: mix, duration: TimeSpan.FromHours(4));

        var pages = Run(scenario).Pages;

        Assert.True(pages.Count >= expectedResumed.Length, $"only {pages.Count} visits");
        for (var v = 0; v < expectedResumed.Length; v++)
        {
            Assert.Equal(v + 1, pages[v].Visit);
            Assert.Equal(6, pages[v].Connections);
            Assert.Equal(expectedResumed[v], pages[v].Resumed);

            // Visits do not overlap, so each one sees exactly what the one before left.
            Assert.True(v == 0 || pages[v].Start > pages[v - 1].Ready);
        }
    }

    [Fact]
    public void TicketRequest_WithWaitForFirst_LetsAllFiveWaitersResume()
    {
        // wait-for-first: the first full handshake's tickets are all the waiters can use. OpenSSL's
        // fixed 2 resume two waiters; honouring the RFC 9149 request (6 after a full handshake, up to
        // the server's cap of 8) gives one ticket per connection and all five waiters resume.
        var mix = new ClientMixEntry("chrome", 1.0) { SessionsPerKey = 6, TicketRequest = true };
        var honoured = Run(Page(Tls13Tickets(afterFull: 2, ticketRequestCap: 8), ProtocolVersion.Tls13, ConnectionWait.WaitForFirst, mix: mix)).Pages[0];
        var ignored = Run(Page(Tls13Tickets(afterFull: 2, ticketRequestCap: 0), ProtocolVersion.Tls13, ConnectionWait.WaitForFirst, mix: mix)).Pages[0];

        Assert.Equal((1, 5), (honoured.Full, honoured.Resumed));
        Assert.Equal((4, 2), (ignored.Full, ignored.Resumed));
    }

    [Fact]
    public void TicketRequest_CappedByTheServer_GivesNoMoreThanTheCap()
    {
        // Requests of 6 honoured up to 1: v1 6 full -> 6 x 1 = 6 tickets; v2 resumes 6 and gets 1 each.
        // With the server's own count of 0 and the request ignored, nothing would ever resume.
        var mix = new ClientMixEntry("chrome", 1.0) { SessionsPerKey = 6, TicketRequest = true };
        var capped = Run(Page(Tls13Tickets(afterFull: 0, ticketRequestCap: 1), ProtocolVersion.Tls13, ConnectionWait.Parallel, mix: mix)).Pages;
        var ignored = Run(Page(Tls13Tickets(afterFull: 0, ticketRequestCap: 0), ProtocolVersion.Tls13, ConnectionWait.Parallel, mix: mix)).Pages;

        Assert.Equal([0, 6, 6], capped.Take(3).Select(p => p.Resumed));
        Assert.Equal([0, 0, 0], ignored.Take(3).Select(p => p.Resumed));
    }
}
