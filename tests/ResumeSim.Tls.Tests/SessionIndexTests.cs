using System.Buffers.Binary;

namespace ResumeSim.Tls.Tests;

public sealed class SessionIndexTests
{
    [Fact]
    public void Find_IdsWithTheSameHash_AreToldApartByTheSlot()
    {
        // x = a ^ 31b ^ ...: moving a by 31b keeps the fold, so the two ids share the whole 32-bit hash.
        var first = IdOf(0x1234_5678_9abc_def0UL, 0);
        var second = IdOf(0x1234_5678_9abc_def0UL ^ (7UL * 31), 7);
        Assert.Equal(SessionIndex.Hash(first), SessionIndex.Hash(second));
        var slots = Slots(first, second);
        var index = new SessionIndex(2);
        index.Add(SessionIndex.Hash(first), 0);
        index.Add(SessionIndex.Hash(second), 1);

        Assert.Equal(0, index.Find(first, SessionIndex.Hash(first), slots));
        Assert.Equal(1, index.Find(second, SessionIndex.Hash(second), slots));
        index.Remove(SessionIndex.Hash(first), 0);
        Assert.Equal(-1, index.Find(first, SessionIndex.Hash(first), slots));
        Assert.Equal(1, index.Find(second, SessionIndex.Hash(second), slots));
    }

    [Fact]
    public void Remove_RunWrappingPastTheEnd_KeepsLaterEntriesReachable()
    {
        var index = new SessionIndex(4);
        int last = index.Capacity - 1;
        var ids = IdsWithHome(index, last, 3);
        var slots = Slots(ids);
        for (int i = 0; i < ids.Length; i++)
        {
            index.Add(SessionIndex.Hash(ids[i]), i);
        }

        // The run is cells last, 0, 1; removing the head must shift both wrapped cells back.
        index.Remove(SessionIndex.Hash(ids[0]), 0);

        Assert.Equal(-1, index.Find(ids[0], SessionIndex.Hash(ids[0]), slots));
        Assert.Equal(1, index.Find(ids[1], SessionIndex.Hash(ids[1]), slots));
        Assert.Equal(2, index.Find(ids[2], SessionIndex.Hash(ids[2]), slots));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void AddRemoveFind_RandomOperations_AgreeWithADictionary()
    {
        // A tiny table (8 cells, half full) so runs collide, wrap and get shifted all the time.
        var rng = new SeededRandomBytes(42);
        var ids = new SessionId[64];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = SessionId.NewRandom(rng);
        }

        var slots = Slots(ids);
        var index = new SessionIndex(4);
        var model = new Dictionary<SessionId, int>();
        var pick = new byte[1];
        for (int step = 0; step < 20_000; step++)
        {
            rng.Fill(pick);
            int n = pick[0] % ids.Length;
            var id = ids[n];
            uint hash = SessionIndex.Hash(id);
            Assert.Equal(model.TryGetValue(id, out int s) ? s : -1, index.Find(id, hash, slots));
            if (model.ContainsKey(id))
            {
                index.Remove(hash, n);
                model.Remove(id);
            }
            else if (model.Count < 4)
            {
                index.Add(hash, n);
                model.Add(id, n);
            }

            Assert.Equal(model.Count, index.Count);
        }

        foreach (var id in ids)
        {
            Assert.Equal(model.TryGetValue(id, out int s) ? s : -1, index.Find(id, SessionIndex.Hash(id), slots));
        }
    }

    [Fact]
    public void Resize_KeepsEveryEntry()
    {
        var rng = new SeededRandomBytes(7);
        var ids = new SessionId[1000];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = SessionId.NewRandom(rng);
        }

        var slots = Slots(ids);
        var index = new SessionIndex(16);
        for (int i = 0; i < ids.Length; i++)
        {
            if (index.Count == index.Capacity / 2)
            {
                index.Resize(index.Capacity);
            }

            index.Add(SessionIndex.Hash(ids[i]), i);
        }

        Assert.Equal(2048, index.Capacity);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i, index.Find(ids[i], SessionIndex.Hash(ids[i]), slots));
        }
    }

    private static SessionId IdOf(ulong a, ulong b)
    {
        var bytes = new byte[SessionId.Length];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, a);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), b);
        return SessionId.FromBytes(bytes);
    }

    private static SessionId[] IdsWithHome(SessionIndex index, int home, int count)
    {
        var found = new List<SessionId>();
        for (int n = 0; found.Count < count; n++)
        {
            var id = Sessions.Id(n);
            if (index.Home(SessionIndex.Hash(id)) == home)
            {
                found.Add(id);
            }
        }

        return [.. found];
    }

    private static SessionSlot[] Slots(params SessionId[] ids)
    {
        var slots = new SessionSlot[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            slots[i].Id = ids[i];
        }

        return slots;
    }
}
