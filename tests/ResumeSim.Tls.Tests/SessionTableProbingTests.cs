using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ResumeSim.Tls.Tests;

public sealed class SessionTableProbingTests
{
    private static SessionTable Table(long entries, bool lru = false) =>
        new(new SessionStoreOptions(lru ? StoreEviction.Lru : StoreEviction.Fifo, entries, 0, 384, Times.Hour), refreshOnHit: lru);

    [Fact]
    public void Lookup_IdsWithTheSameHash_AreToldApart()
    {
        // hash folds a ^ 31b ^ ...: moving a by 31b keeps the fold, so the ids share the whole hash.
        var first = IdOf(0x1234_5678_9abc_def0UL, 0);
        var second = IdOf(0x1234_5678_9abc_def0UL ^ (7UL * 31), 7);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        var table = Table(10);
        table.Put(first, Sessions.Tls12(), 0);
        table.Put(second, Sessions.Tls13(), 0);

        Assert.Equal(StoreLookup.Hit, table.Lookup(second, 1, take: false, out var state));
        Assert.Equal(TlsVersion.Tls13, state!.Version);
        Assert.Equal(StoreLookup.Hit, table.Lookup(first, 1, take: true, out state));
        Assert.Equal(TlsVersion.Tls12, state!.Version);
        Assert.Equal(StoreLookup.Miss, table.Lookup(first, 2, take: false, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(second, 2, take: false, out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Remove_RunWrappingPastTheEndOrCrossingAPage_KeepsLaterEntriesReachableAndOrdered(bool wrap)
    {
        // 60 entries: 69 slots on three pages of 31. The run starts at the last slot (wrapping to slots 0
        // and 1) or at a page's last slot (going on past the next page's tag line).
        var table = Table(60);
        var ids = IdsWithHome(table, wrap ? table.SlotCount - 1 : SessionTable.SlotsPerPage - 1, 3);
        for (int i = 0; i < ids.Length; i++)
        {
            table.Put(ids[i], Sessions.Tls12(), i);
        }

        // Taking the run's head shifts both others back, and the list (FIFO order) must follow them.
        Assert.Equal(StoreLookup.Hit, table.Lookup(ids[0], 5, take: true, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(ids[1], 5, take: false, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(ids[2], 5, take: false, out _));
        for (int i = 0; i < 59; i++)
        {
            table.Put(Sessions.Id(100_000 + i), Sessions.Tls12(), 6 + i);
        }

        Assert.Equal(StoreLookup.Evicted, table.Lookup(ids[1], 100, take: false, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(ids[2], 100, take: false, out _));
        Assert.Equal(60, table.Count);
    }

    [Fact]
    public void Lookup_IdsSharingHomeAndTag_AreToldApartAndAbsentOnesMiss()
    {
        // Ids with one home and one tag are told apart only by their slots; an absent id with the same
        // home and tag must pass them all and stop at the run's end.
        var table = Table(60);
        var home = table.Home(Sessions.Id(0));
        var tag = SessionTable.TagOf(Sessions.Id(0));
        var twins = new List<SessionId>();
        for (int n = 0; twins.Count < 4; n++)
        {
            var id = Sessions.Id(n);
            if (table.Home(id) == home && SessionTable.TagOf(id) == tag)
            {
                twins.Add(id);
            }
        }

        for (int i = 0; i < 3; i++)
        {
            table.Put(twins[i], Sessions.Tls12(createdAt: i), i);
        }

        Assert.Equal(StoreLookup.Miss, table.Lookup(twins[3], 10, take: false, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(twins[1], 10, take: true, out var state));
        Assert.Equal(1, state!.CreatedAt);
        Assert.Equal(StoreLookup.Hit, table.Lookup(twins[2], 10, take: false, out state));
        Assert.Equal(2, state!.CreatedAt);
        Assert.Equal(StoreLookup.Hit, table.Lookup(twins[0], 10, take: false, out state));
        Assert.Equal(0, state!.CreatedAt);
    }

    [Theory]
    [InlineData(SessionPlace.Inline, 4)]
    [InlineData(SessionPlace.Arena, 4)]
    [InlineData(SessionPlace.Both, 4)]
    [InlineData(SessionPlace.Both, 60)]
    public void PutTakeLookup_RandomOperationsOnASmallTable_AgreeWithADictionary(SessionPlace place, int capacity)
    {
        // 4 entries in 5 slots: runs collide, wrap and shift all the time; LRU moves links on hits.
        // 60 entries in 69 slots on three pages: runs also cross pages. Sessions held in their slots move
        // with them; those in the arena (the slot holding their handle) must follow too.
        var rng = new SeededRandomBytes(42);
        var ids = new SessionId[capacity * 16];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = SessionId.NewRandom(rng);
        }

        var table = Table(capacity, lru: true);
        var model = new List<(SessionId Id, SessionState State)>(); // most recently used first
        var pick = new byte[3];
        for (int step = 0; step < 20_000; step++)
        {
            rng.Fill(pick);
            var id = ids[(pick[0] | (pick[1] << 8)) % ids.Length];
            int at = model.FindIndex(e => e.Id == id);
            int op = pick[2] % 3;
            if (op == 0)
            {
                var state = place == SessionPlace.Inline || (place == SessionPlace.Both && step % 2 == 0)
                    ? Sessions.Tls12(createdAt: step, sni: null, alpn: null)
                    : Sessions.Tls12(createdAt: step);
                Assert.True(table.Put(id, state, step));
                if (at >= 0)
                {
                    model.RemoveAt(at);
                }
                else if (model.Count == capacity)
                {
                    model.RemoveAt(capacity - 1);
                }

                model.Insert(0, (id, state));
            }
            else
            {
                var result = table.Lookup(id, step, take: op == 1, out var found);
                // An absent id may be labelled by why it left (evicted, taken): only presence is modelled here.
                Assert.Equal(at >= 0, result == StoreLookup.Hit);
                if (at >= 0)
                {
                    Sessions.AssertSameContent(model[at].State, found);
                    var entry = model[at];
                    model.RemoveAt(at);
                    if (op == 2)
                    {
                        model.Insert(0, entry);
                    }
                }
            }

            Assert.Equal(model.Count, table.Count);
        }
    }

    public enum SessionPlace
    {
        Inline,
        Arena,
        Both,
    }

    [Fact]
    public void Slot_HoldsATls12SessionWithoutNameOrAlpn_InTwoCacheLines_ThirtyTwoToAPage()
    {
        // The 10M-client layout (docs/performance.md, "Session stores"): a bigger slot costs every server's
        // table 8/7 bytes per byte, a smaller one sends the common session to a second page. A page holds
        // one line pair of tags and 31 slots.
        Assert.Equal(128, Unsafe.SizeOf<SessionSlot>());
        Assert.Equal(4096, (SessionTable.SlotsPerPage + 1) * Unsafe.SizeOf<SessionSlot>());
        Assert.Equal(SessionState.FixedLength12, Sessions.Tls12(sni: null, alpn: null).SerializedLength);
        Assert.Equal(SessionState.FixedLength12, SessionSlot.InlineBytes);
        Assert.True(Sessions.Tls12().SerializedLength > SessionSlot.InlineBytes);
    }

    [Fact]
    public void Table_HasEightSlotsForEverySevenEntries_AndGrowsByAQuarterToItsCapacityInOrder()
    {
        var table = Table(200_000);
        Assert.Equal(SessionTable.SlotsFor(65_536), table.SlotCount);
        Assert.Equal(74_899, table.SlotCount);
        int[] limits = [65_536, 81_920, 102_400, 128_000, 160_000, 200_000];
        int next = 0;
        for (int i = 0; i < 200_000; i++)
        {
            table.Put(Sessions.Id(i), Sessions.Tls12(sni: null, alpn: null), i);
            if (i + 1 == limits[next])
            {
                Assert.Equal(SessionTable.SlotsFor(limits[next]), table.SlotCount);
                next++;
            }
        }

        Assert.Equal(limits.Length, next);
        Assert.Equal(228_572, table.SlotCount);
        Assert.Equal(200_000, table.Count);
        Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(0), 1, take: false, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(199_999), 1, take: false, out _));

        // Every growth kept the put order: the next put evicts the first entry, then the second.
        table.Put(Sessions.Id(200_000), Sessions.Tls12(), 200_000);
        table.Put(Sessions.Id(200_001), Sessions.Tls12(), 200_001);
        Assert.Equal(StoreLookup.Evicted, table.Lookup(Sessions.Id(0), 200_002, take: false, out _));
        Assert.Equal(StoreLookup.Evicted, table.Lookup(Sessions.Id(1), 200_002, take: false, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(2), 200_002, take: false, out _));
        Assert.Equal(200_000, table.Count);
    }

    [Fact]
    public void Growing_KeepsTheListOrderOfAnLruTableWithHoles()
    {
        // Two growths (at 65,536 and 81,920 entries, the second to the capacity) of a table whose list order is no longer put order
        // (hits moved entries to the head) and which has holes (taken entries): the eviction order after
        // them is the reference's, oldest use first.
        const int capacity = 90_000;
        var table = new SessionTable(new SessionStoreOptions(StoreEviction.Lru, capacity, 0, 0, Times.Day), refreshOnHit: true);
        var order = new LinkedList<int>();
        var nodes = new Dictionary<int, LinkedListNode<int>>();
        long now = 0;
        void Put(int id)
        {
            table.Put(Sessions.Id(id), Sessions.Tls12(sni: null, alpn: null), ++now);
            nodes[id] = order.AddLast(id);
        }

        for (int id = 0; id < 60_000; id++)
        {
            Put(id);
        }

        for (int j = 0; j < 1_000; j++)
        {
            int id = (j * 7919) % 60_000;
            Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(id), ++now, take: false, out _));
            order.Remove(nodes[id]);
            nodes[id] = order.AddLast(id);
        }

        for (int id = 30_000; id < 30_500; id++)
        {
            if (nodes.Remove(id, out var node) && table.Lookup(Sessions.Id(id), ++now, take: true, out _) == StoreLookup.Hit)
            {
                order.Remove(node);
            }
        }

        for (int id = 60_000; order.Count < capacity; id++)
        {
            Put(id);
        }

        Assert.Equal(SessionTable.SlotsFor(capacity), table.SlotCount);
        int next = 1_000_000;
        var victims = order.Take(3_000).ToList();
        for (int k = 0; k < victims.Count; k++)
        {
            Put(next++);
        }

        Assert.All(victims, id => Assert.Equal(StoreLookup.Evicted, table.Lookup(Sessions.Id(id), now, take: false, out _)));
        Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(order.ElementAt(victims.Count)), ++now, take: false, out _));
        Assert.Equal(capacity, table.Count);
    }

    private static SessionId IdOf(ulong a, ulong b)
    {
        var bytes = new byte[SessionId.Length];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, a);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), b);
        return SessionId.FromBytes(bytes);
    }

    private static SessionId[] IdsWithHome(SessionTable table, int home, int count)
    {
        var found = new List<SessionId>();
        for (int n = 0; found.Count < count; n++)
        {
            var id = Sessions.Id(n);
            if (table.Home(id) == home)
            {
                found.Add(id);
            }
        }

        return [.. found];
    }
}
