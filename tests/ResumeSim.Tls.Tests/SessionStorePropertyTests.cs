using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ResumeSim.Tls.Tests;

/// <summary>Random operation sequences against the store invariants and, for FIFO without expiry, a list model.</summary>
public sealed class SessionStorePropertyTests
{
    private const int Capacity = 5;

    public static Arbitrary<(int Op, int Key, int Dt)[]> Ops() =>
        Gen.Zip(Gen.Choose(0, 3), Gen.Zip(Gen.Choose(0, 12), Gen.Choose(0, 40)))
            .Select(t => (t.Item1, t.Item2.Item1, t.Item2.Item2))
            .ArrayOf()
            .ToArbitrary();

    [Property(Arbitrary = [typeof(SessionStorePropertyTests)])]
    public bool Invariants_HoldForAnySequence_Fifo((int Op, int Key, int Dt)[] ops) => Invariants(ops, StoreEviction.Fifo);

    [Property(Arbitrary = [typeof(SessionStorePropertyTests)])]
    public bool Invariants_HoldForAnySequence_Lru((int Op, int Key, int Dt)[] ops) => Invariants(ops, StoreEviction.Lru);

    [Property(Arbitrary = [typeof(SessionStorePropertyTests)])]
    public bool Fifo_MatchesListModel_WithoutExpiry((int Op, int Key, int Dt)[] ops)
    {
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, Capacity, 0, 0, 0));
        var model = new List<int>();
        foreach (var (op, key, _) in ops)
        {
            var id = Sessions.Id(key);
            switch (op)
            {
                case 0:
                case 1:
                    store.Put(id, Sessions.Tls12(), 0);
                    model.Remove(key);
                    if (model.Count == Capacity)
                    {
                        model.RemoveAt(0);
                    }

                    model.Add(key);
                    break;
                case 2:
                    if ((store.TryGet(id, 0, out _) == StoreLookup.Hit) != model.Contains(key))
                    {
                        return false;
                    }

                    break;
                default:
                    if ((store.Take(id, 0, out _) == StoreLookup.Hit) != model.Remove(key))
                    {
                        return false;
                    }

                    break;
            }

            if (store.Count != model.Count)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Invariants((int Op, int Key, int Dt)[] ops, StoreEviction eviction)
    {
        const long timeout = 100;
        var store = SessionStorePresets.Create(new SessionStoreOptions(eviction, Capacity, 0, 0, timeout));
        var putAt = new Dictionary<int, long>();
        var taken = new HashSet<(int, long)>();
        long now = 0;
        foreach (var (op, key, dt) in ops)
        {
            now += dt;
            var id = Sessions.Id(key);
            if (op <= 1)
            {
                if (store.Put(id, Sessions.Tls12(createdAt: now), now))
                {
                    putAt[key] = now;
                }
            }
            else
            {
                var result = op == 2 ? store.TryGet(id, now, out var state) : store.Take(id, now, out state);
                if (result == StoreLookup.Hit)
                {
                    // Never returns an entry past its timeout; take returns each stored entry at most once.
                    if (state is null || now - putAt[key] >= timeout || (op == 3 && !taken.Add((key, putAt[key]))))
                    {
                        return false;
                    }
                }
                else if (state is not null)
                {
                    return false;
                }
            }

            var c = store.Counters;
            if (store.Count > Capacity || store.Count != c.Puts - c.Removals || store.Count < 0 || c.PeakEntries > Capacity)
            {
                return false;
            }
        }

        return true;
    }
}
