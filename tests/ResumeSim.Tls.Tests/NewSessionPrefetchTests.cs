namespace ResumeSim.Tls.Tests;

public sealed class NewSessionPrefetchTests
{
    [Fact]
    public void PrefetchNewSession_HintsTheIdTheNextFullHandshakePuts()
    {
        var store = new HintedStore();
        var server = Tls12Ids(store, new CounterRandomBytes(3));
        for (int i = 0; i < 5; i++)
        {
            server.PrefetchNewSession();
            var result = server.Handshake(Servers.Fresh12(), i * Times.Second);
            Assert.Equal(HandshakeOutcome.Full, result.Outcome);
            Assert.False(result.NewSessionId.IsEmpty);
            Assert.Equal(result.NewSessionId, Assert.Single(store.Hinted));
            store.Hinted.Clear();
        }
    }

    [Fact]
    public void PrefetchNewSession_ChangesNothing()
    {
        // Two servers on the same random bytes, one hinted before every handshake, decide and issue alike.
        var hinted = Tls12Ids(new HintedStore(), new CounterRandomBytes(9));
        var plain = Tls12Ids(new HintedStore(), new CounterRandomBytes(9));
        var offered = SessionId.Empty;
        for (int i = 0; i < 40; i++)
        {
            var hello = i % 3 == 2 && !offered.IsEmpty ? Servers.WithId(offered) : Servers.Fresh12();
            hinted.PrefetchNewSession();
            hinted.PrefetchNewSession();
            var a = hinted.Handshake(hello, i * Times.Second);
            var b = plain.Handshake(hello, i * Times.Second);
            Assert.Equal((b.Outcome, b.Miss, b.NewSessionId), (a.Outcome, a.Miss, a.NewSessionId));
            offered = a.NewSessionId.IsEmpty ? offered : a.NewSessionId;
        }

        Assert.Equal(plain.Store.Count, hinted.Store.Count);
    }

    [Fact]
    public void PrefetchNewSession_HintsNothingWhereTheNextIdCannotBeKnown()
    {
        // Randomness that cannot be read ahead, a server that issues tickets, and one that stores no ids.
        var unpredictable = new HintedStore();
        Tls12Ids(unpredictable, new SeededRandomBytes(1)).PrefetchNewSession();
        var withTickets = new HintedStore();
        Servers.Tls12(ids: true, tickets: true, store: withTickets).PrefetchNewSession();
        var noIds = new HintedStore();
        new TlsServerState(new ServerResumptionOptions(TlsVersion.Tls12, SessionIds: false, Tickets: false), noIds, null, new CounterRandomBytes(1), null)
            .PrefetchNewSession();

        Assert.Empty(unpredictable.Hinted);
        Assert.Empty(withTickets.Hinted);
        Assert.Empty(noIds.Hinted);
    }

    private static TlsServerState Tls12Ids(IServerSessionStore store, IRandomBytes random) =>
        new(new ServerResumptionOptions(TlsVersion.Tls12, SessionIds: true, Tickets: false) { SessionTimeoutNs = Times.Hour }, store, null, random, null);

    /// <summary>Bytes that are a function of their position in the stream, so they can be read ahead.</summary>
    private sealed class CounterRandomBytes(ulong seed) : IPredictableRandomBytes
    {
        private ulong position;

        public void Fill(Span<byte> destination)
        {
            Write(position, destination);
            position += (ulong)destination.Length;
        }

        public void Peek(int skipped, Span<byte> destination) => Write(position + (ulong)skipped, destination);

        private void Write(ulong from, Span<byte> destination)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = (byte)Mix(seed ^ (from + (ulong)i));
            }
        }

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A real store that remembers which ids it was told to load ahead.</summary>
    private sealed class HintedStore : IServerSessionStore, IStoreSlotPrefetcher
    {
        private readonly EvictingSessionStore inner = new(new SessionStoreOptions(StoreEviction.Fifo, 100, 0, 0, Times.Hour));

        public List<SessionId> Hinted { get; } = [];

        public bool CanCache => inner.CanCache;

        public int Count => inner.Count;

        public long Bytes => inner.Bytes;

        public StoreCounters Counters => inner.Counters;

        public void PrefetchSlot(in SessionId id) => Hinted.Add(id);

        public bool Put(in SessionId id, SessionState state, long now) => inner.Put(id, state, now);

        public StoreLookup TryGet(in SessionId id, long now, out SessionState? state) => inner.TryGet(id, now, out state);

        public StoreLookup Take(in SessionId id, long now, out SessionState? state) => inner.Take(id, now, out state);

        public void Flush(long now) => inner.Flush(now);

        public ExposureTally HeldExposure(long now) => inner.HeldExposure(now);
    }
}
