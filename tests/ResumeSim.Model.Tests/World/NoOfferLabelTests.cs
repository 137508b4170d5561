using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;
using ResumeSim.Tls;
using static ResumeSim.Model.Tests.BrowserScenarios;

namespace ResumeSim.Model.Tests.World;

/// <summary>
/// A connection whose client offers nothing is labelled by why: it never held a session for the host,
/// it spent its single-use TLS 1.3 tickets, or it lost what it held.
/// </summary>
public sealed class NoOfferLabelTests
{
    [Fact]
    public void FirstVisit_NothingHeldYet_IsNotOffered()
    {
        var (pages, connections) = Run(Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.Parallel));

        var first = connections.Where(c => c.Start == pages[0].Start).ToList();
        Assert.Equal(6, first.Count);
        Assert.All(first, c => Assert.Equal(MissReason.NotOffered, c.Miss));
    }

    [Fact]
    public void Tls13_ParallelPageWithMoreConnectionsThanTickets_LabelsTheRestNoTicketsLeft()
    {
        // Chrome keeps 2 tickets per origin and uses each once (parameters.md section 2), so the second
        // visit's six parallel connections resume twice and find no ticket for the other four.
        var (pages, connections) = Run(Page(Tls13Tickets(afterFull: 2), ProtocolVersion.Tls13, ConnectionWait.Parallel));

        var second = connections.Where(c => c.Start == pages[1].Start).ToList();
        Assert.Equal(2, second.Count(c => c.Outcome != HandshakeOutcome.Full));
        Assert.Equal(4, second.Count(c => c.Miss == MissReason.NoTicketsLeft));
    }

    [Fact]
    public void NewClientEveryVisit_LabelsClientCacheLost()
    {
        var scenario = Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.Parallel);
        scenario = scenario with { Clients = scenario.Clients with { Churn = 1.0 } };

        var (pages, connections) = Run(scenario);

        Assert.True(pages.Count > 2);
        var later = connections.Where(c => c.Start >= pages[1].Start).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, c => Assert.Equal((HandshakeOutcome.Full, MissReason.ClientCacheLost), (c.Outcome, c.Miss)));
    }

    [Fact]
    public void ClientLifetimeCapShorterThanTheRevisitGap_LabelsClientCacheLost()
    {
        // Visits every ten minutes on average, sessions the client keeps for one second.
        var mix = new ClientMixEntry("chrome", 1.0) { LifetimeCap = TimeSpan.FromSeconds(1) };
        var (pages, connections) = Run(Page(TestScenarios.Ids(), ProtocolVersion.Tls12, ConnectionWait.Parallel, mix: mix));

        var later = connections.Where(c => c.Start >= pages[1].Start).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, c => Assert.Equal(MissReason.ClientCacheLost, c.Miss));
    }
}
