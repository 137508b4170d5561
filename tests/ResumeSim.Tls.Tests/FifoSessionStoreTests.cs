namespace ResumeSim.Tls.Tests;

public sealed class FifoSessionStoreTests
{
    private static EvictingSessionStore Store(long entries, long timeout = Times.Hour) =>
        new(new SessionStoreOptions(StoreEviction.Fifo, entries, 0, 0, timeout));

    [Fact]
    public void TryGet_HitDoesNotRefresh_OldestCreatedIsEvicted()
    {
        var store = Store(3);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(store.Put(Sessions.Id(i), Sessions.Tls12(), i));
        }

        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(0), 10, out _));
        store.Put(Sessions.Id(3), Sessions.Tls12(), 11);

        Assert.Equal(StoreLookup.Evicted, store.TryGet(Sessions.Id(0), 12, out _));
        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(1), 12, out _));
        Assert.Equal(1, store.Counters.EvictedForCapacity);
    }

    [Fact]
    public void TryGet_AfterTimeout_ReturnsExpiredAndRemoves()
    {
        var store = Store(10, timeout: 100);
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(1), 99, out var state));
        Assert.NotNull(state);
        Assert.Equal(StoreLookup.Expired, store.TryGet(Sessions.Id(1), 100, out state));
        Assert.Null(state);
        Assert.Equal(0, store.Count);
        Assert.Equal(1, store.Counters.Expired);
        Assert.Equal(1, store.Counters.ExpiredOnLookup);
        Assert.Equal(StoreLookup.Swept, store.TryGet(Sessions.Id(1), 101, out _));
    }

    [Fact]
    public void Take_ReturnsEachSessionAtMostOnce()
    {
        var store = Store(10);
        store.Put(Sessions.Id(1), Sessions.Tls13(), 0);
        Assert.Equal(StoreLookup.Hit, store.Take(Sessions.Id(1), 1, out var state));
        Assert.NotNull(state);
        Assert.Equal(StoreLookup.Miss, store.Take(Sessions.Id(1), 2, out _));
        Assert.Equal(1, store.Counters.Taken);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Put_SameId_CountsReplaced()
    {
        var store = Store(10);
        var first = Sessions.Tls12();
        var second = Sessions.Tls12(createdAt: 5);
        store.Put(Sessions.Id(1), first, 0);
        store.Put(Sessions.Id(1), second, 5);
        store.TryGet(Sessions.Id(1), 6, out var found);
        Sessions.AssertSameContent(second, found);
        Assert.Equal(1, store.Count);
        Assert.Equal(1, store.Counters.Replaced);
    }

    [Fact]
    public void Flush_RemovesAllWithReasonFlushed()
    {
        var store = Store(10);
        for (int i = 0; i < 4; i++)
        {
            store.Put(Sessions.Id(i), Sessions.Tls12(), 0);
        }

        store.Flush(1);
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.Bytes);
        Assert.Equal(4, store.Counters.Flushed);
        Assert.Equal(4, store.Counters.PeakEntries);
    }

    [Fact]
    public void NginxPreset_TenSessions_DropsTheOldestAndChargesTwoChunksEach()
    {
        var store = new EvictingSessionStore(SessionStorePresets.NginxSessions(10));
        for (int i = 0; i < 25; i++)
        {
            Assert.True(store.Put(Sessions.Id(i), Sessions.Tls12(), i));
        }

        Assert.Equal(10, store.Count);
        Assert.Equal(3840, store.Bytes);
        Assert.Equal(15, store.Counters.EvictedForCapacity);
        Assert.Equal(3840, store.Counters.PeakBytes);
        Assert.Equal(StoreLookup.Evicted, store.TryGet(Sessions.Id(14), 30, out _));
        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(15), 30, out _));
    }

    [Fact]
    public void NginxPreset_Insert_ExpiresAtMostTwoFromTheOldEnd()
    {
        var options = SessionStorePresets.NginxSessions(100);
        var store = new EvictingSessionStore(options);
        for (int i = 0; i < 5; i++)
        {
            store.Put(Sessions.Id(i), Sessions.Tls12(), 0);
        }

        store.Put(Sessions.Id(10), Sessions.Tls12(), options.TimeoutNs);

        // 5 expired entries; the insert swept 2 of them, 3 remain until touched.
        Assert.Equal(4, store.Count);
        Assert.Equal(2, store.Counters.Expired);
    }

    [Fact]
    public void Put_NoRoomAndNoEvictionAllowed_SkipsAndCounts()
    {
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 2, 0, 0, Times.Hour) { MaxEvictionsPerPut = 0 });
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        store.Put(Sessions.Id(2), Sessions.Tls12(), 0);
        Assert.False(store.Put(Sessions.Id(3), Sessions.Tls12(), 0));
        Assert.Equal(1, store.Counters.Skipped);
        Assert.Equal(2, store.Count);
        Assert.Equal(StoreLookup.Evicted, store.TryGet(Sessions.Id(3), 0, out _));
    }

    [Fact]
    public void TryGet_LabelsAnAbsentSessionByWhyItLeft()
    {
        var store = Store(2, timeout: 100);
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        store.Put(Sessions.Id(2), Sessions.Tls12(), 50);
        store.Put(Sessions.Id(3), Sessions.Tls12(), 60);
        Assert.Equal(StoreLookup.Expired, store.TryGet(Sessions.Id(2), 150, out _));
        store.Flush(160);

        Assert.Equal(StoreLookup.Evicted, store.TryGet(Sessions.Id(1), 170, out _));
        Assert.Equal(StoreLookup.Swept, store.TryGet(Sessions.Id(2), 170, out _));
        Assert.Equal(StoreLookup.Flushed, store.TryGet(Sessions.Id(3), 170, out _));
        Assert.Equal(StoreLookup.Miss, store.TryGet(Sessions.Id(4), 170, out _));
    }

    [Fact]
    public void Put_SessionOverMaxSessionBytes_IsNotCached()
    {
        var store = new EvictingSessionStore(SessionStorePresets.NginxSessions(1000) with { MaxSessionBytes = 90 });
        Assert.False(store.Put(Sessions.Id(1), Sessions.Tls12(), 0));
        Assert.True(store.Put(Sessions.Id(2), Sessions.Tls12(sni: null), 0));
        Assert.Equal(1, store.Counters.Skipped);
    }

    [Fact]
    public void HaProxyPreset_ChargesOneBlockPer128BytesOfSession()
    {
        var store = new EvictingSessionStore(SessionStorePresets.HaProxy());
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        Assert.Equal(200, store.Bytes);
        store.Put(Sessions.Id(2), Sessions.Tls12(sni: new string('a', 100)), 0);
        Assert.Equal(600, store.Bytes);
    }

    [Fact]
    public void PurgeExpired_RemovesOnlyExpired()
    {
        var store = Store(10, timeout: 100);
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        store.Put(Sessions.Id(2), Sessions.Tls12(), 50);
        Assert.Equal(1, store.PurgeExpired(120));
        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(2), 120, out _));
    }

    [Fact]
    public void Options_WithoutCapacity_Throw()
    {
        Assert.Throws<ArgumentException>(() => new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 0, 0, 0, 1)));
    }

    [Fact]
    public void NoSessionStore_CachesNothing()
    {
        var store = SessionStorePresets.Create(SessionStorePresets.None());
        Assert.False(store.CanCache);
        Assert.False(store.Put(Sessions.Id(1), Sessions.Tls12(), 0));
        Assert.Equal(StoreLookup.Miss, store.TryGet(Sessions.Id(1), 0, out _));
        Assert.Equal(1, store.Counters.Skipped);
    }

    [Fact]
    public void Create_BuildsTheRequestedKind()
    {
        Assert.Equal(StoreEviction.Fifo, Assert.IsType<EvictingSessionStore>(SessionStorePresets.Create(SessionStorePresets.OpenSsl())).Eviction);
        Assert.Equal(StoreEviction.Lru, Assert.IsType<EvictingSessionStore>(SessionStorePresets.Create(SessionStorePresets.Lru(10, Times.Hour))).Eviction);
        Assert.IsType<NoSessionStore>(SessionStorePresets.Create(SessionStorePresets.None()));
    }

    [Fact]
    public void EvictingStore_WithoutEviction_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EvictingSessionStore(SessionStorePresets.None()));
    }
}
