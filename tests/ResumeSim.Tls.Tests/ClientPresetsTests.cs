namespace ResumeSim.Tls.Tests;

public sealed class ClientPresetsTests
{
    [Fact]
    public void Names_AllResolve_AndAreValid()
    {
        foreach (var name in ClientPresets.Names)
        {
            Assert.True(ClientPresets.TryGet(name, out var preset));
            Assert.Equal(name, preset.Name);
            preset.Validate();
            Assert.False(string.IsNullOrEmpty(preset.Source));
        }

        Assert.False(ClientPresets.TryGet("netscape", out _));
    }

    [Fact]
    public void Chrome_MatchesChromiumValues()
    {
        var chrome = ClientPresets.Chrome;
        Assert.Equal(1024, chrome.CacheEntries);
        Assert.Equal(2, chrome.SessionsPerKey);
        Assert.True(chrome.SingleUseTls13Tickets);
        Assert.True(chrome.Verified);
    }

    [Fact]
    public void Safari_IsMarkedUnverified_ApiClientDoesNotResume()
    {
        Assert.False(ClientPresets.Safari.Verified);
        Assert.False(ClientPresets.ApiClient.Resumes);
        Assert.Equal(64, ClientPresets.GoWithCache.CacheEntries);
    }

    [Fact]
    public void Go_WithoutASessionCache_NeverResumes()
    {
        // crypto/tls handshake_client.go loadSession: nothing to resume while Config.ClientSessionCache is nil.
        Assert.False(ClientPresets.Go.Resumes);
        Assert.True(ClientPresets.GoWithCache.Resumes);
        Assert.False(ClientPresets.GoWithCache.OffersSessionIds);
        Assert.False(ClientPresets.GoWithCache.SingleUseTls13Tickets);
    }
}
