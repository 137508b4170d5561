namespace ResumeSim.Tls.Tests;

/// <summary>The one preset table: each preset read as its server reads its configuration.</summary>
public sealed class SessionStorePresetsTests
{
    [Fact]
    public void Nginx_ZoneBytes_BecomeWhatTheSlabAllocatorFits()
    {
        var options = SessionStorePresets.Configured("nginx", 0, 32 * 1024)!;

        Assert.Equal(63, options.CapacityEntries);
        Assert.Equal(0, options.CapacityBytes);
        Assert.Equal(384, options.EntryBytes);
        Assert.Equal(2, options.ExpireOnInsert);
        Assert.Equal(1, options.MaxEvictionsPerPut);
    }

    [Fact]
    public void Nginx_WithoutCapacity_IsTheUsualTenMegabyteZone()
    {
        Assert.Equal(NginxSlabZone.Sessions(10L << 20), SessionStorePresets.Configured("nginx", 0, 0)!.CapacityEntries);
        Assert.Equal(500, SessionStorePresets.Configured("nginx", 500, 0)!.CapacityEntries);
    }

    [Fact]
    public void OpenSsl_CacheSize_HoldsOneSessionLess()
    {
        // SSL_CTX_add_session (ssl/ssl_sess.c) inserts the new session into its hash table, then removes
        // the oldest while SSL_CTX_sess_number >= the cache size: at most size - 1 remain.
        var options = SessionStorePresets.Configured("openssl", 5, 0)!;
        var store = new EvictingSessionStore(options);
        for (int i = 0; i < 10; i++)
        {
            store.Put(Sessions.Id(i), Sessions.Tls12(), i);
        }

        Assert.Equal(4, store.Count);
        Assert.Equal(20479, SessionStorePresets.Configured("openssl", 0, 0)!.CapacityEntries);
    }

    [Fact]
    public void OpenSslCaches_LiveInEachProcess_NginxAndHaProxyZonesDoNot()
    {
        Assert.True(SessionStorePresets.OpenSsl().PerProcess);
        Assert.True(SessionStorePresets.NginxBuiltin().PerProcess);
        Assert.False(SessionStorePresets.NginxZone(1 << 20).PerProcess);
        Assert.False(SessionStorePresets.HaProxy().PerProcess);
    }

    [Fact]
    public void NginxBuiltin_IsOpenSslsCacheWithNginxsTimeout()
    {
        var builtin = SessionStorePresets.Configured("nginx-builtin", 0, 0)!;

        Assert.Equal(300 * Times.Second, builtin.TimeoutNs);
        Assert.Equal(SessionStorePresets.OpenSsl() with { Name = "nginx-builtin", TimeoutNs = 300 * Times.Second }, builtin);
    }

    [Fact]
    public void HaProxy_Entries_AreBlocksOfTwoHundredBytes()
    {
        var options = SessionStorePresets.Configured("haproxy", 1000, 0)!;

        Assert.Equal(200_000, options.CapacityBytes);
        Assert.Equal(128, options.BlockPayloadBytes);
    }

    [Fact]
    public void Configured_UnknownName_IsNull()
    {
        Assert.Null(SessionStorePresets.Configured("apache", 0, 0));
        Assert.Equal(["nginx", "nginx-builtin", "openssl", "haproxy"], SessionStorePresets.Names);
    }
}
