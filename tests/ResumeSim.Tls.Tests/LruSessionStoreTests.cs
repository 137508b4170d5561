namespace ResumeSim.Tls.Tests;

public sealed class LruSessionStoreTests
{
    [Fact]
    public void TryGet_HitRefreshes_LeastRecentlyUsedIsEvicted()
    {
        var store = new EvictingSessionStore(SessionStorePresets.Lru(3, Times.Hour));
        for (int i = 0; i < 3; i++)
        {
            store.Put(Sessions.Id(i), Sessions.Tls12(), i);
        }

        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(0), 10, out _));
        store.Put(Sessions.Id(3), Sessions.Tls12(), 11);

        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(0), 12, out _));
        Assert.Equal(StoreLookup.Evicted, store.TryGet(Sessions.Id(1), 12, out _));
    }

    [Fact]
    public void TimeoutCountsFromPut_NotFromLastHit()
    {
        var store = new EvictingSessionStore(SessionStorePresets.Lru(3, 100));
        store.Put(Sessions.Id(0), Sessions.Tls12(), 0);
        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(0), 90, out _));
        Assert.Equal(StoreLookup.Expired, store.TryGet(Sessions.Id(0), 100, out _));
    }

    [Fact]
    public void PurgeExpired_FindsExpiredAnywhereInRecencyOrder()
    {
        var store = new EvictingSessionStore(SessionStorePresets.Lru(3, 100));
        store.Put(Sessions.Id(0), Sessions.Tls12(), 0);
        store.Put(Sessions.Id(1), Sessions.Tls12(), 50);
        store.TryGet(Sessions.Id(0), 60, out _);
        Assert.Equal(1, store.PurgeExpired(110));
        Assert.Equal(1, store.Count);
    }
}
