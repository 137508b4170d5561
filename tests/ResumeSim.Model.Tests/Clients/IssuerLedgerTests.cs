using ResumeSim.Model.Clients;
using ResumeSim.Model.Servers;
using ResumeSim.Model.Tests.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Clients;

/// <summary>Why a connection offered nothing, and why a server did not know what it offered.</summary>
public sealed class IssuerLedgerTests
{
    private static readonly ClientPreset Chrome = ClientPresets.Chrome;

    [Fact]
    public void WhyNoOffer_NeverHeldAnything_IsNotOffered_AfterHoldingIsCacheLostOrNoTicketsLeft()
    {
        var (ledger, _) = Ledger(TestScenarios.Ids(), servers: 2, tls13: true);

        Assert.Equal(MissReason.NotOffered, ledger.WhyNoOffer(0, 0, Chrome, ClientLookup.Miss, dropped: false));
        Assert.Equal(MissReason.NotOffered, ledger.WhyNoOffer(0, 0, ClientPresets.Go, ClientLookup.Miss, dropped: false));

        ledger.Record(0, 0, server: 1, worker: 0);

        Assert.Equal(MissReason.NoTicketsLeft, ledger.WhyNoOffer(0, 0, Chrome, ClientLookup.Miss, dropped: false));
        Assert.Equal(MissReason.ClientCacheLost, ledger.WhyNoOffer(0, 0, Chrome, ClientLookup.Miss, dropped: true));
        Assert.Equal(MissReason.ClientCacheLost, ledger.WhyNoOffer(0, 1, Chrome, ClientLookup.Expired, dropped: false));
        Assert.Equal(MissReason.NotOffered, ledger.WhyNoOffer(0, 1, Chrome, ClientLookup.Miss, dropped: false));
    }

    [Fact]
    public void Explain_UnknownIdIssuedElsewhere_IsOtherServer_HereIsEvicted()
    {
        var (ledger, _) = Ledger(TestScenarios.Ids(), servers: 2);
        ledger.Record(client: 3, host: 0, server: 1, worker: 0);

        Assert.Equal(MissReason.OtherServer, ledger.Explain(MissReason.UnknownId, 3, 0, server: 0, worker: 0, offered: true, 0, now: 10));
        Assert.Equal(MissReason.Evicted, ledger.Explain(MissReason.UnknownId, 3, 0, server: 1, worker: 0, offered: true, 0, now: 10));
    }

    [Fact]
    public void Explain_IssuerRestartedSince_IsStoreFlushed()
    {
        var (ledger, farm) = Ledger(TestScenarios.Ids(), servers: 2);
        ledger.Record(client: 3, host: 0, server: 1, worker: 0);

        farm.Restart(1, now: 5);

        Assert.Equal(MissReason.StoreFlushed, ledger.Explain(MissReason.UnknownId, 3, 0, server: 1, worker: 0, offered: true, 0, now: 10));
    }

    [Fact]
    public void Explain_OfferOlderThanTheTimeout_IsSessionExpired()
    {
        var (ledger, _) = Ledger(TestScenarios.Ids(timeout: TimeSpan.FromSeconds(1)), servers: 1);
        ledger.Record(client: 0, host: 0, server: 0, worker: 0);

        Assert.Equal(MissReason.SessionExpired, ledger.Explain(MissReason.UnknownId, 0, 0, 0, 0, offered: true, offeredReceivedAt: 0, now: 1_000_000_000));
        Assert.Equal(MissReason.Evicted, ledger.Explain(MissReason.UnknownId, 0, 0, 0, 0, offered: true, offeredReceivedAt: 1, now: 1_000_000_000));
    }

    [Fact]
    public void Explain_OtherMisses_PassThrough()
    {
        var (ledger, _) = Ledger(TestScenarios.Tickets(Configuration.KeyScope.PerServer), servers: 2);
        ledger.Record(client: 0, host: 0, server: 1, worker: 0);

        Assert.Equal(MissReason.TicketExpired, ledger.Explain(MissReason.TicketExpired, 0, 0, 0, 0, offered: true, 0, now: 0));
        Assert.Equal(MissReason.OtherServer, ledger.Explain(MissReason.UnknownTicketKey, 0, 0, 0, 0, offered: true, 0, now: 0));
    }

    private static (IssuerLedger Ledger, Farm Farm) Ledger(Configuration.StrategyConfig strategy, int servers, bool tls13 = false)
    {
        var scenario = FarmParts.Servers(strategy, servers);
        var farm = FarmParts.Farm(scenario, strategy, servers, out var setup);
        var timeout = strategy.SessionIds?.Timeout is { } t ? Engine.SimTime.FromTimeSpan(t) : long.MaxValue;
        return (new IssuerLedger(clients: 4, hosts: 2, farm, setup, tls13, timeout), farm);
    }
}
