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

    [Fact]
    public void Remove_RunWrappingPastTheEnd_KeepsLaterEntriesReachableAndOrdered()
    {
        var table = Table(3);
        var ids = IdsWithHome(table, table.SlotCount - 1, 3);
        for (int i = 0; i < ids.Length; i++)
        {
            table.Put(ids[i], Sessions.Tls12(), i);
        }

        // The run fills the last slot and wraps to slots 0 and 1; taking its head shifts both back,
        // and the list (FIFO order) must follow the moved entries.
        Assert.Equal(StoreLookup.Hit, table.Lookup(ids[0], 5, take: true, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(ids[1], 5, take: false, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(ids[2], 5, take: false, out _));
        table.Put(Sessions.Id(100_000), Sessions.Tls12(), 6);
        table.Put(Sessions.Id(100_001), Sessions.Tls12(), 7);

        Assert.Equal(StoreLookup.Evicted, table.Lookup(ids[1], 8, take: false, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(ids[2], 8, take: false, out _));
        Assert.Equal(3, table.Count);
    }

    [Theory]
    [InlineData(SessionPlace.Inline)]
    [InlineData(SessionPlace.Arena)]
    [InlineData(SessionPlace.Both)]
    public void PutTakeLookup_RandomOperationsOnATinyTable_AgreeWithADictionary(SessionPlace place)
    {
        // 4 entries in 6 slots: runs collide, wrap and shift all the time; LRU moves links on hits.
        // Sessions held in their slots move with them; those in the arena must follow too.
        var rng = new SeededRandomBytes(42);
        var ids = new SessionId[64];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = SessionId.NewRandom(rng);
        }

        var table = Table(4, lru: true);
        var model = new List<(SessionId Id, SessionState State)>(); // most recently used first
        var pick = new byte[2];
        for (int step = 0; step < 20_000; step++)
        {
            rng.Fill(pick);
            var id = ids[pick[0] % ids.Length];
            int at = model.FindIndex(e => e.Id == id);
            int op = pick[1] % 3;
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
                else if (model.Count == 4)
                {
                    model.RemoveAt(3);
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
    public void Slot_HoldsATls12SessionWithoutNameOrAlpn_InOneHundredFortyFourBytes()
    {
        // The 10M-client layout (docs/performance.md, Follow-up 6): a bigger slot costs every server's
        // table 1.5 bytes per byte, a smaller one sends the common session to a second page.
        Assert.Equal(144, Unsafe.SizeOf<SessionSlot>());
        Assert.Equal(SessionState.FixedLength12, Sessions.Tls12(sni: null, alpn: null).SerializedLength);
        Assert.True(SessionState.FixedLength12 <= SessionSlot.InlineBytes);
        Assert.True(Sessions.Tls12().SerializedLength > SessionSlot.InlineBytes);
    }

    [Fact]
    public void Table_HasThreeSlotsForEveryTwoEntries_AndGrowsToItsCapacity()
    {
        var table = Table(200_000);
        Assert.Equal(98_304, table.SlotCount);
        for (int i = 0; i < 200_000; i++)
        {
            table.Put(Sessions.Id(i), Sessions.Tls12(sni: null, alpn: null), i);
        }

        Assert.Equal(300_000, table.SlotCount);
        Assert.Equal(200_000, table.Count);
        Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(0), 1, take: false, out _));
        Assert.Equal(StoreLookup.Hit, table.Lookup(Sessions.Id(199_999), 1, take: false, out _));
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
