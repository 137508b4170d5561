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
    [Theory]
    [InlineData(false, 100_000_000_000_000_000L)]
    [InlineData(false, 0L)]
    [InlineData(true, 100_000_000_000_000_000L)]
    public void HeldExposure_AddsInListOrder_AsTheWalkThroughTheSlotsDoes(bool lru, long timeout)
    {
        // Held times near 10^16 ns make every addition round, so the sum depends on its order: the walk
        // over compact arrays must add newest first, exactly as the list walk does.
        var table = new SessionTable(new SessionStoreOptions(lru ? StoreEviction.Lru : StoreEviction.Fifo, 3_000, 0, 0, timeout), refreshOnHit: lru);
        var random = new Random(5);
        var puts = new List<long>();
        long t = 0;
        for (int i = 0; i < 5_000; i++)
        {
            t += random.NextInt64(1, 4_000_000_000_000);
            table.Put(Sessions.Id(i), Sessions.Tls12(createdAt: t, sni: i % 2 == 0 ? null : "www.example.com"), t);
            puts.Add(t);
            if (i % 5 == 0)
            {
                table.Lookup(Sessions.Id(random.Next(i + 1)), t, take: i % 3 == 0, out _);
            }
        }

        long now = t + 10_000_000_000_000_000;
        var held = table.HeldExposure(now);
        Assert.Equal(table.WalkHeldExposure(now), held);
        Assert.Equal(table.Count, held.Sessions);
        if (!lru)
        {
            // FIFO holds the newest puts still present; adding their held times the other way round differs.
            var oldestFirst = default(ExposureTally);
            var newestFirst = default(ExposureTally);
            var present = puts.Select((put, id) => (put, id)).Where(p => table.Lookup(Sessions.Id(p.id), t, take: false, out _) == StoreLookup.Hit).ToList();
            foreach (var (put, _) in present)
            {
                oldestFirst = oldestFirst.Add(now - put);
            }

            for (int k = present.Count - 1; k >= 0; k--)
            {
                newestFirst = newestFirst.Add(now - present[k].put);
            }

            Assert.Equal(newestFirst, held);
            Assert.NotEqual(oldestFirst.SumNs, held.SumNs);
        }
    }
}
