using ResumeSim.Model.Configuration;

namespace ResumeSim.Scenarios.Tests;

/// <summary>The browser keys: client-mix overrides, visit processes, churn, mobile clients, ticket requests.</summary>
public sealed class BrowserKeysTests
{
    private const string Head = "name: t\nduration: 10m\n";
    private const string Tail = "strategies:\n  - name: none\n    resumption: off\n";

    [Fact]
    public void Parse_MixOverrides_LandInTheEntry()
    {
        var plan = ScenarioText.Parse(Head + """
            clients:
              count: 10
              visits: {rate: 4/h}
              mix:
                - {browser: chrome, share: 0.5, connection_wait: parallel, connections: 4, sessions_per_key: 6, ticket_request: true, false_start: false}
                - {browser: firefox, share: 0.5, http: h2, cache_entries: 50, lifetime_cap: 1h}
            """ + "\n" + Tail);

        var chrome = plan.Base.Clients.Mix[0];
        var firefox = plan.Base.Clients.Mix[1];
        Assert.Equal((ConnectionWait?)ConnectionWait.Parallel, chrome.Wait);
        Assert.Equal(4, chrome.Connections);
        Assert.Equal(6, chrome.SessionsPerKey);
        Assert.True(chrome.TicketRequest);
        Assert.Null(chrome.Http);
        Assert.Equal((HttpVersion?)HttpVersion.H2, firefox.Http);
        Assert.Equal(50, firefox.CacheEntries);
        Assert.Equal(TimeSpan.FromHours(1), firefox.LifetimeCap);
        Assert.Null(firefox.Wait);
        Assert.False(firefox.TicketRequest);
        Assert.Equal((bool?)false, chrome.FalseStart);
        Assert.Null(firefox.FalseStart);
    }

    [Fact]
    public void Parse_VisitProcesses_ChurnAndMobile()
    {
        var plan = ScenarioText.Parse(Head + """
            clients:
              count: 10
              visits: {rate: 4/h, process: pareto, shape: 2.5, diurnal: {amplitude: 0.4, peak: 20h}}
              churn: 0.1
              mobile: {share: 0.3, changes: 2/h}
            """ + "\n" + Tail);

        var clients = plan.Base.Clients;
        Assert.Equal(VisitProcessKind.Pareto, clients.Process.Kind);
        Assert.Equal(2.5, clients.Process.Shape);
        Assert.Equal(0.4, clients.Process.Diurnal!.Amplitude);
        Assert.Equal(20, clients.Process.Diurnal.PeakHour);
        Assert.Equal(0.1, clients.Churn);
        Assert.Equal(new MobileConfig(0.3, 2 / 3600.0), clients.Mobile);
    }

    [Fact]
    public void Parse_DiurnalTable_IsScaledToMeanOne()
    {
        var table = string.Join(", ", Enumerable.Range(0, 24).Select(h => h < 12 ? "1" : "3"));
        var plan = ScenarioText.Parse(Head + $"clients:\n  count: 10\n  visits: {{rate: 4/h, process: lognormal, sigma: 0.8, diurnal: {{table: [{table}]}}}}\n" + Tail);

        Assert.Equal(VisitProcessKind.LogNormal, plan.Base.Clients.Process.Kind);
        Assert.Equal(0.5, plan.Base.Clients.Process.Diurnal!.Hourly![0]);
        Assert.Equal(1.5, plan.Base.Clients.Process.Diurnal.Hourly![23]);
    }

    [Fact]
    public void Parse_TicketRequestCap_LandsInTheTicketConfig()
    {
        var plan = ScenarioText.Parse(Head + "tls: {version: \"1.3\"}\nclients: {count: 10, visits: {rate: 4/h}}\nstrategies:\n  - {name: t, tickets: {ticket_request_cap: 8}}\n");

        Assert.Equal(8, plan.Base.Strategies[0].Tickets!.TicketRequestCap);
    }

    [Theory]
    [InlineData("visits: {rate: 4/h, shape: 2}", "shape applies to process: pareto only")]
    [InlineData("visits: {rate: 4/h, process: pareto, shape: 1}", "clients.visits.shape")]
    [InlineData("visits: {rate: 4/h, process: weibull}", "clients.visits.process")]
    [InlineData("visits: {rate: 4/h, diurnal: {amplitude: 0.5, table: [1]}}", "either amplitude (and peak) or table")]
    [InlineData("visits: {rate: 4/h, diurnal: {table: [1, 2]}}", "24 numbers")]
    [InlineData("visits: {rate: 4/h, diurnal: {amplitude: 1.5}}", "clients.visits.diurnal.amplitude")]
    [InlineData("visits: {rate: 4/h}\n  churn: 1.5", "clients.churn")]
    [InlineData("visits: {rate: 4/h}\n  mobile: {share: 0.5}", "missing required key 'changes'")]
    [InlineData("visits: {rate: 4/h}\n  mix: [{browser: chrome, share: 1, connections: 7}]", "clients.mix[0].connections")]
    [InlineData("visits: {rate: 4/h}\n  mix: [{browser: chrome, share: 1, sessions_per_key: 0}]", "clients.mix[0].sessions_per_key")]
    public void Parse_BadBrowserKeys_AreErrorsNamingTheKey(string clientsLines, string fragment)
    {
        var errors = ScenarioText.Errors(Head + "clients:\n  count: 10\n  " + clientsLines + "\n" + Tail);

        Assert.Contains(errors, e => e.Message.Contains(fragment, StringComparison.Ordinal));
    }
}
