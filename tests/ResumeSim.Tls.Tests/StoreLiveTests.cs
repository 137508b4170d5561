using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ResumeSim.Tls.Tests;

/// <summary>
/// <see cref="IServerSessionStore.Live"/>: of what a store holds (expired entries not swept yet included,
/// as nginx's zone and OpenSSL's cache hold them), the entries that have not expired.
/// </summary>
public sealed class StoreLiveTests
{
    [Fact]
    public void Live_ExcludesExpiredEntriesTheStoreStillHolds()
    {
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 10, 0, 384, 100));
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        store.Put(Sessions.Id(2), Sessions.Tls12(), 50);
        store.Put(Sessions.Id(3), Sessions.Tls12(), 90);

        Assert.Equal(new StoreOccupancy(3, 3 * 384), store.Live(99));
        Assert.Equal(new StoreOccupancy(2, 2 * 384), store.Live(100));
        Assert.Equal(new StoreOccupancy(0, 0), store.Live(190));
        Assert.Equal(3, store.Count);
        Assert.Equal(3 * 384, store.Bytes);
    }

    [Fact]
    public void Live_AfterRemovalsOnBothSidesOfTheCursor_StaysExact()
    {
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 10, 0, 0, 100));
        for (int i = 0; i < 6; i++)
        {
            store.Put(Sessions.Id(i), Sessions.Tls12(), i * 10);
        }

        Assert.Equal(3, store.Live(125).Entries); // put at 0, 10, 20 expired; 30, 40, 50 live
        store.Take(Sessions.Id(1), 125, out _); // expired: found expired and removed
        store.Take(Sessions.Id(4), 125, out _); // live, past the cursor
        store.Take(Sessions.Id(3), 125, out _); // the cursor's own entry

        Assert.Equal(3, store.Count);
        Assert.Equal(1, store.Live(125).Entries);
        Assert.Equal(0, store.Live(150).Entries);
    }

    [Fact]
    public void Live_OfAnLruStore_ScansWhateverTheOrder()
    {
        var store = new EvictingSessionStore(SessionStorePresets.Lru(10, 100));
        store.Put(Sessions.Id(1), Sessions.Tls12(), 0);
        store.Put(Sessions.Id(2), Sessions.Tls12(), 50);
        store.TryGet(Sessions.Id(1), 60, out _); // the older entry moves to the head

        Assert.Equal(1, store.Live(120).Entries);
        Assert.Equal(2, store.Count);
    }

    public static Arbitrary<(int Op, int Key, int Dt)[]> Ops() =>
        Gen.Zip(Gen.Choose(0, 4), Gen.Zip(Gen.Choose(0, 40), Gen.Choose(0, 30)))
            .Select(t => (t.Item1, t.Item2.Item1, t.Item2.Item2))
            .ArrayOf()
            .ToArbitrary();

    /// <summary>
    /// The FIFO cursor against a walk of the whole table, after any sequence of puts (with their sweeps and
    /// evictions), lookups (which sweep what they find expired), takes and flushes, with whole-second deadlines.
    /// </summary>
    [Property(Arbitrary = [typeof(StoreLiveTests)], MaxTest = 300)]
    public bool Live_OfAFifoTable_MatchesAWalkOfTheTable((int Op, int Key, int Dt)[] ops)
    {
        var options = new SessionStoreOptions(StoreEviction.Fifo, 30, 0, 0, 3 * Times.Second)
        {
            Expiry = ExpiryRule.NginxWholeSeconds,
            ExpireOnInsert = 1,
            FlushExpiredEveryHandshakes = 4,
        };
        var table = new SessionTable(options, refreshOnHit: false);
        long now = 0;
        foreach (var (op, key, dt) in ops)
        {
            now += dt * 100 * Nanoseconds.PerMillisecond;
            var id = Sessions.Id(key);
            switch (op)
            {
                case 0:
                case 1:
                    table.Put(id, Sessions.Tls12(now), now);
                    break;
                case 2:
                    table.Lookup(id, now, take: false, out _);
                    break;
                case 3:
                    table.Lookup(id, now, take: true, out _);
                    break;
                default:
                    table.OnHandshakeFinished(now, sessionHasId: true);
                    break;
            }

            if (table.Live(now) != table.ScanLive(now))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Live_AcrossTheTableGrowing_FollowsTheMovedCursor()
    {
        // The table starts sized for 65536 entries; the 65537th put re-inserts every entry elsewhere.
        var table = new SessionTable(new SessionStoreOptions(StoreEviction.Fifo, 100_000, 0, 0, 1000), refreshOnHit: false);
        for (int i = 0; i < 70_000; i++)
        {
            table.Put(Sessions.Id(i), Sessions.Tls12(i), i);
            if (i == 40_000)
            {
                Assert.Equal(table.ScanLive(i), table.Live(i));
            }
        }

        Assert.Equal(table.ScanLive(69_999), table.Live(69_999));
        Assert.Equal(1000, table.Live(69_999).Entries);
    }
}
