namespace ResumeSim.Tls.Tests;

public sealed class SessionTableTests
{
    [Fact]
    public void Put_PastTheInitialSlots_GrowsAndFindsEveryEntry()
    {
        // 65536 slots to start: 100000 entries force a slot and index resize mid-way.
        var table = new SessionTable(new SessionStoreOptions(StoreEviction.Fifo, 100_000, 0, 384, Times.Hour), refreshOnHit: false);
        var state = Sessions.Tls12();
        for (int i = 0; i < 100_000; i++)
        {
            Assert.True(table.Put(Sessions.Id(i), state, 0));
        }

        for (int i = 0; i < 100_000; i++)
        {
            Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(i), 1, take: false, out _));
        }

        Assert.Equal(StoreLookup.Miss, table.Lookup(Sessions.Id(100_000), 1, take: false, out _));
    }

    [Fact]
    public void Put_FullTableChurn_KeepsExactlyTheNewestEntries()
    {
        const int capacity = 1000;
        var table = new SessionTable(new SessionStoreOptions(StoreEviction.Fifo, capacity, 0, 384, Times.Hour), refreshOnHit: false);
        var state = Sessions.Tls12();
        for (int i = 0; i < 20 * capacity; i++)
        {
            Assert.True(table.Put(Sessions.Id(i), state, i));
        }

        Assert.Equal(capacity, table.Count);
        Assert.Equal(19 * capacity, table.Counters.EvictedForCapacity);
        // The table remembers as many removals as it holds entries, at least 4096: the newest evictions are labelled.
        int remembered = Math.Min(19 * capacity, Math.Max(capacity, 4096));
        for (int i = 0; i < 20 * capacity; i++)
        {
            var expected = i >= 19 * capacity ? StoreLookup.Hit : i >= (19 * capacity) - remembered ? StoreLookup.Evicted : StoreLookup.Miss;
            Assert.Equal(expected, table.Lookup(Sessions.Id(i), 20 * capacity, take: false, out _));
        }
    }

    [Fact]
    public void Take_EveryEntryInRandomOrder_LeavesAnEmptyTableThatStillWorks()
    {
        var table = new SessionTable(new SessionStoreOptions(StoreEviction.Lru, 500, 0, 384, Times.Hour), refreshOnHit: true);
        var state = Sessions.Tls13();
        for (int i = 0; i < 500; i++)
        {
            table.Put(Sessions.Id(i), state, 0);
        }

        var order = new int[500];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = (i * 197) % 500;
        }

        foreach (int n in order)
        {
            Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(n), 1, take: true, out _));
            Assert.Equal(StoreLookup.Miss, table.Lookup(Sessions.Id(n), 1, take: false, out _));
        }

        Assert.Equal(0, table.Count);
        Assert.True(table.Put(Sessions.Id(7), state, 2));
        Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(7), 3, take: false, out _));
    }

    [Fact]
    public void PrefetchHints_OnEmptyFullAndChurnedTables_ChangeNothing()
    {
        // Hints read slots but must never throw, move, count or expire anything.
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 300, 0, 384, Times.Hour));
        IStoreSlotPrefetcher hinted = store;
        hinted.PrefetchSlot(Sessions.Id(1));
        var state = Sessions.Tls12();
        for (int i = 0; i < 1_000; i++)
        {
            store.Put(Sessions.Id(i), state, i);
            hinted.PrefetchSlot(Sessions.Id(i));
            hinted.PrefetchSlot(Sessions.Id(i + 5_000));
        }

        var before = (store.Count, store.Bytes, store.Counters.Hits, store.Counters.Misses);
        for (int i = 0; i < 2_000; i++)
        {
            hinted.PrefetchSlot(Sessions.Id(i));
        }

        Assert.Equal(before, (store.Count, store.Bytes, store.Counters.Hits, store.Counters.Misses));
        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(999), 2_000, out _));
        Assert.Equal(StoreLookup.Evicted, store.TryGet(Sessions.Id(0), 2_000, out _));
    }
}
