using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Scenarios.Tests;

/// <summary><c>tickets: {preset: ...}</c> and <c>anti_replay</c>: real servers' ticket behaviour as scenario values.</summary>
public sealed class TicketPresetKeysTests
{
    private const string Head = "name: t\nduration: 10m\nclients:\n  count: 10\n  visits: {rate: 4/h}\n";

    [Fact]
    public void Nginx_TicketsLiveTheSessionTimeout_KeysPerServerRotatedEveryTimeout()
    {
        var t = Tickets("tickets: {preset: nginx}");

        Assert.Equal("nginx", t.Preset);
        Assert.Equal(TimeSpan.FromMinutes(5), t.Lifetime);
        Assert.Equal(KeyScope.PerServer, t.Keys);
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), 2), (t.Rotate, t.Keep, t.MaxKeys));
        Assert.Equal(TicketCipherKind.Aes256CbcHmacSha256, t.Cipher);
        Assert.True(t.Tls13AbsoluteExpiry);
        Assert.Equal(EarlyDataAntiReplay.None, t.AntiReplay);
    }

    [Fact]
    public void Nginx_WithSessionIds_TicketLifetimeFollowsTheirTimeout()
    {
        var t = Tickets("session_ids: {preset: nginx, capacity: 10MB, timeout: 10m}\n    tickets: {preset: nginx}");

        Assert.Equal(TimeSpan.FromMinutes(10), t.Lifetime);
        Assert.Equal(TimeSpan.FromMinutes(10), t.Rotate);
    }

    [Fact]
    public void Nginx_LifetimeOtherThanTheSessionIdTimeout_IsAnError()
    {
        var text = Head + Tail("session_ids: {preset: nginx, capacity: 10MB, timeout: 10m}\n    tickets: {preset: nginx, lifetime: 18h}");

        ScenarioText.AssertError(text, 9, 40, "differs from session_ids.timeout (10m)", "one ssl_session_timeout");
    }

    [Fact]
    public void OpenSsl_NeverRotates_TwoHours_SingleUseAntiReplay()
    {
        var t = Tickets("tickets: {preset: openssl}");

        Assert.Equal((TimeSpan.Zero, TimeSpan.FromHours(2), 1), (t.Rotate, t.Lifetime, t.MaxKeys));
        Assert.False(t.Renew);
        Assert.Equal(EarlyDataAntiReplay.SingleUseTickets, t.AntiReplay);
    }

    [Fact]
    public void HaProxy_WithSharedKeyFiles_HoldsThreeKeysAndRenewsOlderOnes()
    {
        var t = Tickets("tickets: {preset: haproxy, keys: shared, rotate: 12h}");

        Assert.Equal(KeyScope.Shared, t.Keys);
        Assert.Equal((TimeSpan.FromHours(12), TimeSpan.FromHours(18), 3), (t.Rotate, t.Keep, t.MaxKeys));
        Assert.True(t.Renew);
        Assert.True(t.Tls13RenewOnlyWithOldKey);
    }

    [Fact]
    public void WrittenKeys_OverrideThePreset()
    {
        var t = Tickets("tickets: {preset: openssl, lifetime: 1h, anti_replay: strike-register, renew: true}");

        Assert.Equal(TimeSpan.FromHours(1), t.Lifetime);
        Assert.Equal(EarlyDataAntiReplay.StrikeRegister, t.AntiReplay);
        Assert.True(t.Renew);
    }

    [Fact]
    public void UnknownPreset_IsAnErrorListingThePresets()
    {
        ScenarioText.AssertError(Head + Tail("tickets: {preset: apache}"), 8, 23, "'apache' is not a server preset", "nginx, nginx-1.22, openssl, haproxy");
    }

    [Fact]
    public void UnknownAntiReplay_IsAnError()
    {
        ScenarioText.AssertError(Head + "tls: {version: \"1.3\"}\n" + Tail("tickets: {anti_replay: bloom}"), 9, 28, "'bloom' is not a valid choice", "strike-register, single-use, none");
    }

    [Fact]
    public void HaProxyWithEarlyData_IsAnErrorBecauseItIsNotModelled()
    {
        var text = Head + "tls: {version: \"1.3\"}\n" + Tail("tickets: {preset: haproxy, early_data: true}");

        ScenarioText.AssertError(text, 9, 44, "0-RTT with the haproxy preset is not modelled");
    }

    private static string Tail(string strategy) => "strategies:\n  - name: s\n    " + strategy + "\n";

    private static TicketConfig Tickets(string strategy) => ScenarioText.Parse(Head + Tail(strategy)).Base.Strategies[0].Tickets!;
}
