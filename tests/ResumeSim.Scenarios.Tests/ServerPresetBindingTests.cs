using ResumeSim.Model.Configuration;

namespace ResumeSim.Scenarios.Tests;

/// <summary>Server presets, zone sizes and workers as a scenario writes them, and the errors a real server would give.</summary>
public sealed class ServerPresetBindingTests
{
    [Theory]
    [InlineData("32k", 32 * 1024)]
    [InlineData("64K", 64 * 1024)]
    [InlineData("1m", 1024 * 1024)]
    [InlineData("10M", 10 * 1024 * 1024)]
    [InlineData("256KB", 256 * 1024)]
    public void Capacity_InNginxsOwnSpelling_IsTheZoneInBytes(string capacity, long bytes)
    {
        var ids = Strategy($"{{preset: nginx, capacity: {capacity}}}").SessionIds!;

        Assert.Equal(bytes, ids.CapacityBytes);
        Assert.Equal(0, ids.CapacityEntries);
    }

    [Fact]
    public void NginxZoneBelowEightPages_IsReportedAtTheValue()
    {
        // ngx_http_ssl_session_cache refuses a zone under 8 * ngx_pagesize: "session cache is too small".
        var (text, line, column) = WithStrategy("{preset: nginx, capacity: 16k}", "16k");
        ScenarioText.AssertError(text, line, column, "16k is below nginx's smallest zone", "32KB");
    }

    [Fact]
    public void NginxPreset_TimeoutNotInWholeSeconds_IsReportedAtTheValue()
    {
        var (text, line, column) = WithStrategy("{preset: nginx, timeout: 59500ms}", "59500ms");
        ScenarioText.AssertError(text, line, column, "not a whole number of seconds, which preset nginx needs", "60s");
    }

    [Fact]
    public void PresetWithoutWholeSecondRule_TakesAnyTimeout()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(59_500), Strategy("{preset: haproxy, timeout: 59500ms}").SessionIds!.Timeout);
    }

    [Fact]
    public void UnknownPreset_ListsThePresets()
    {
        var (text, line, column) = WithStrategy("{preset: apache}", "apache");
        ScenarioText.AssertError(text, line, column, "'apache' is not a server preset", "nginx, nginx-builtin, openssl, haproxy");
    }

    [Fact]
    public void OpenSslAndNginxBuiltin_KeepACachePerWorker_NginxAZonePerServer()
    {
        Assert.Equal(StoreScope.PerWorker, Strategy("{preset: openssl}").SessionIds!.Store);
        Assert.Equal(StoreScope.PerWorker, Strategy("{preset: nginx-builtin}").SessionIds!.Store);
        Assert.Equal(StoreScope.PerServer, Strategy("{preset: nginx}").SessionIds!.Store);
        Assert.Equal(StoreScope.PerWorker, Strategy("{capacity: 100, store: per-worker}").SessionIds!.Store);
    }

    [Fact]
    public void NginxBuiltin_StartsFromOpenSslsCacheSizeAndNginxsTimeout()
    {
        var ids = Strategy("{preset: nginx-builtin}").SessionIds!;

        Assert.Equal(20480, ids.CapacityEntries);
        Assert.Equal(TimeSpan.FromMinutes(5), ids.Timeout);
    }

    [Fact]
    public void Workers_AreRead_AndDefaultToOne()
    {
        Assert.Equal(1, ScenarioText.Parse(ScenarioText.Minimal).Base.Farm.Workers);
        Assert.Equal(4, ScenarioText.Parse(ScenarioText.Minimal + "\nfarm: {workers: 4}").Base.Farm.Workers);
    }

    [Fact]
    public void Reuseport_IsRead_AndDefaultsToASharedSocket()
    {
        Assert.False(ScenarioText.Parse(ScenarioText.Minimal).Base.Farm.Reuseport);
        Assert.True(ScenarioText.Parse(ScenarioText.Minimal + "\nfarm: {workers: 2, reuseport: true}").Base.Farm.Reuseport);
    }

    [Theory]
    [InlineData("farm: {workers: 0}", 17)]
    [InlineData("farm: {workers: 1025}", 17)]
    public void Workers_OutOfRange_IsReportedAtTheValue(string line, int column)
    {
        ScenarioText.AssertError(ScenarioText.Minimal + "\n" + line, 9, column, "farm.workers", "from 1 to 1024");
    }

    private static StrategyConfig Strategy(string sessionIds) =>
        ScenarioText.Parse(WithStrategy(sessionIds, "").Text).Base.Strategies[1];

    private static (string Text, int Line, int Column) WithStrategy(string sessionIds, string find)
    {
        var last = $"    session_ids: {sessionIds}";
        return (ScenarioText.Minimal + "\n  - name: x\n" + last, 10, last.IndexOf(find, StringComparison.Ordinal) + 1);
    }
}
