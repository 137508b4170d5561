using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Arrivals;

public sealed class ClientKindTests
{
    private static readonly PagesConfig Pages = new() { Connections = 6, Http = HttpVersion.H1, Wait = ConnectionWait.WaitForFirst };

    [Fact]
    public void Resolve_WithoutOverrides_TakesThePresetAndThePages()
    {
        var kind = ClientKind.Resolve(new ClientMixEntry("chrome", 1), Pages);

        Assert.Equal(ClientPresets.Chrome, kind.Preset);
        Assert.Equal(ConnectionWait.WaitForFirst, kind.Wait);
        Assert.Equal(6, kind.ConnectionsPerHost);
        Assert.Null(kind.TicketRequest);
    }

    [Fact]
    public void Resolve_Overrides_ReplaceCacheAndPageValues()
    {
        var entry = new ClientMixEntry("chrome", 1)
        {
            CacheEntries = 10, SessionsPerKey = 6, LifetimeCap = TimeSpan.FromHours(1), Wait = ConnectionWait.Parallel, Connections = 3, TicketRequest = true,
        };
        var kind = ClientKind.Resolve(entry, Pages);

        Assert.Equal((10, 6), (kind.Preset.CacheEntries, kind.Preset.SessionsPerKey));
        Assert.Equal(3600L * 1_000_000_000, kind.Preset.LifetimeCapNs);
        Assert.Equal(3600L * 1_000_000_000, kind.Preset.Tls12LifetimeCapNs);
        Assert.Equal(ConnectionWait.Parallel, kind.Wait);
        Assert.Equal(3, kind.ConnectionsPerHost);
        Assert.Equal(new TicketRequest(3, 1), kind.TicketRequest);
    }

    [Fact]
    public void Resolve_Http2_OpensOneConnection_AndThePresetCapsH1()
    {
        Assert.Equal(1, ClientKind.Resolve(new ClientMixEntry("firefox", 1) { Http = HttpVersion.H2 }, Pages).ConnectionsPerHost);
        Assert.Equal(6, ClientKind.Resolve(new ClientMixEntry("chrome", 1), Pages with { Connections = 20 }).ConnectionsPerHost);
        Assert.Equal(20, ClientKind.Resolve(new ClientMixEntry("go", 1), Pages with { Connections = 20 }).ConnectionsPerHost);
    }

    [Fact]
    public void Resolve_UnknownPreset_Throws() =>
        Assert.Throws<ArgumentException>(() => ClientKind.Resolve(new ClientMixEntry("netscape", 1), Pages));
}
