namespace ResumeSim.Tls.Tests;

/// <summary>A store's exposure: how long each master secret stayed in memory, put to removal or to now.</summary>
public sealed class StoreExposureTests
{
    [Fact]
    public void RemovedExposure_CountsEveryRemovalReasonFromItsPut()
    {
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 2, 0, 0, 100));
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        store.Put(Sessions.Id(2), Sessions.Tls12(), 10);
        store.Put(Sessions.Id(3), Sessions.Tls12(), 30);   // evicts 1: held 30
        store.Take(Sessions.Id(2), 50, out _);              // taken: held 40
        store.Put(Sessions.Id(3), Sessions.Tls12(), 60);    // replaces 3: held 30
        store.TryGet(Sessions.Id(3), 160, out _);           // expired on lookup: held 100

        var tally = store.Counters.RemovedExposure;
        Assert.Equal(new ExposureTally(4, 30 + 40 + 30 + 100, 100), tally);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void HeldExposure_IsNowMinusEachPut_AndAnUnsweptExpiredEntryStillCounts()
    {
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Lru, 10, 0, 0, 100));
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        store.Put(Sessions.Id(2), Sessions.Tls12(), 40);
        store.TryGet(Sessions.Id(1), 50, out _);            // an LRU hit moves the entry, not its put time

        Assert.Equal(new ExposureTally(2, 250 + 210, 250), store.HeldExposure(250));
        Assert.Equal(default, new NoSessionStore().HeldExposure(250));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("www.example.com")]
    public void HeldExposure_WithoutATimeout_ReadsEachSessionsCreationTime(string? sni)
    {
        // With no timeout the put time is not the expiry minus the timeout: it is read from the serialized
        // session, in the slot (no name: 79 B) or in the arena (a name: longer than the slot holds).
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 10, 0, 0, 0));
        store.Put(Sessions.Id(1), Sessions.Tls12(createdAt: 10, sni: sni), 10);
        store.Put(Sessions.Id(2), Sessions.Tls12(createdAt: 70, sni: sni), 70);

        Assert.Equal(new ExposureTally(2, 90 + 30, 90), store.HeldExposure(100));
    }

    [Fact]
    public void StartExposureWindow_ForgetsEarlierRemovalsOnly()
    {
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 1, 0, 0, 1000));
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        store.Put(Sessions.Id(2), Sessions.Tls12(), 5);    // evicts 1: held 5, before the window
        store.Counters.StartExposureWindow();
        store.Flush(25);                                     // flushes 2: held 20

        Assert.Equal(new ExposureTally(1, 20, 20), store.Counters.RemovedExposure);
        Assert.Equal(20.0 / Nanoseconds.PerSecond, store.Counters.RemovedExposure.MeanSeconds);
        Assert.True(double.IsNaN(default(ExposureTally).MaxSeconds));
    }
}
