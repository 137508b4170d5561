namespace ResumeSim.Tls.Tests;

public sealed class ClientSessionArenaTests
{
    private static readonly ClientPreset Chrome = ClientPresets.Chrome;

    private static HeldSession Held(TlsVersion version, int ticketLength, long at = 0, long lifetime = Times.Hour, int id = 0) =>
        new(version, id == 0 ? SessionId.Empty : Sessions.Id(id), ticketLength, at, lifetime);

    private static byte[] Ticket(int length, byte mark)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(mark + i);
        }

        return bytes;
    }

    [Fact]
    public void Lookup_EachClientGetsItsOwnSessionAndTicket()
    {
        var arena = new ClientSessionArena(3);
        arena.Put(0, Chrome, 4, Held(TlsVersion.Tls12, 176, id: 1), Ticket(176, 10), 0);
        arena.Put(2, Chrome, 4, Held(TlsVersion.Tls12, 176, id: 2), Ticket(176, 20), 0);
        var buffer = new byte[ClientSessionArena.MaxTicketLength];

        Assert.Equal(ClientLookup.Hit, arena.Lookup(2, Chrome, 4, 1, out var two, buffer));
        Assert.Equal(Sessions.Id(2), two.SessionId);
        Assert.Equal(Ticket(176, 20), buffer[..176]);
        Assert.Equal(ClientLookup.Miss, arena.Lookup(1, Chrome, 4, 1, out _, buffer));
        Assert.Equal(ClientLookup.Hit, arena.Lookup(0, Chrome, 4, 1, out var zero, buffer));
        Assert.Equal(Sessions.Id(1), zero.SessionId);
        Assert.Equal(Ticket(176, 10), buffer[..176]);
    }

    [Fact]
    public void Lookup_SingleUseTicket_IsCopiedOutBeforeItsSpaceIsReused()
    {
        var arena = new ClientSessionArena(2);
        arena.Put(0, Chrome, 0, Held(TlsVersion.Tls13, 192), Ticket(192, 1), 0);
        var taken = new byte[ClientSessionArena.MaxTicketLength];
        Assert.Equal(ClientLookup.Hit, arena.Lookup(0, Chrome, 0, 1, out var session, taken));
        Assert.Equal(0, arena.SessionsFor(0, Chrome, 0));

        // The freed space goes to the next ticket of that size; the copy taken is unaffected.
        arena.Put(1, Chrome, 0, Held(TlsVersion.Tls13, 192), Ticket(192, 99), 2);
        Assert.Equal(192, session.TicketLength);
        Assert.Equal(Ticket(192, 1), taken[..192]);
        Assert.Equal(192, arena.TicketBytesHeld);
    }

    [Fact]
    public void TicketBytesHeld_FollowsPutsReplacementsAndForget()
    {
        var arena = new ClientSessionArena(100);
        for (int round = 0; round < 5; round++)
        {
            for (int c = 0; c < 100; c++)
            {
                arena.Put(c, Chrome, 0, Held(TlsVersion.Tls12, 176, at: round), Ticket(176, (byte)c), round);
            }
        }

        // Chrome keeps two sessions per key: 100 clients x 2 tickets x 176 B, however many were replaced.
        Assert.Equal(100 * 2 * 176, arena.TicketBytesHeld);
        for (int c = 0; c < 100; c++)
        {
            arena.Forget(c, Chrome);
        }

        Assert.Equal(0, arena.TicketBytesHeld);
    }

    [Fact]
    public void Forget_LeavesAClientAsNew_AndOthersUntouched()
    {
        var arena = new ClientSessionArena(2);
        for (int origin = 0; origin < 5; origin++)
        {
            arena.Put(0, Chrome, origin, Held(TlsVersion.Tls12, 0, id: origin + 1), [], 0);
            arena.Put(1, Chrome, origin, Held(TlsVersion.Tls12, 0, id: origin + 1), [], 0);
        }

        arena.Forget(0, Chrome);
        Assert.Equal(0, arena.Count(0));
        Assert.Equal(0, arena.SessionCount(0, Chrome));
        Assert.Equal(5, arena.Count(1));
        arena.Put(0, Chrome, 3, Held(TlsVersion.Tls12, 0, id: 9), [], 1);
        Assert.Equal(1, arena.SessionsFor(0, Chrome, 3));
        Assert.Equal(0, arena.SessionsFor(0, Chrome, 0));
    }

    [Fact]
    public void Put_RejectsATicketOfAnotherLength()
    {
        var arena = new ClientSessionArena(1);
        Assert.Throws<ArgumentException>(() => arena.Put(0, Chrome, 0, Held(TlsVersion.Tls12, 10), new byte[11], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Held(TlsVersion.Tls12, ClientSessionArena.MaxTicketLength + 1));
    }

    [Fact]
    public void Lookup_RejectsADestinationTooSmall()
    {
        var arena = new ClientSessionArena(1);
        arena.Put(0, Chrome, 0, Held(TlsVersion.Tls12, 64), new byte[64], 0);
        Assert.Throws<ArgumentException>(() => arena.Lookup(0, Chrome, 0, 1, out _, new byte[63]));
    }

    /// <summary>
    /// Clients share the arena's ticket pages, older-session blocks and overflow objects: interleaving the
    /// operations of several clients in one arena must give each exactly what it gets from an arena of its
    /// own (a <see cref="ClientSessionCache"/>), whatever the preset, origins, tickets and times.
    /// </summary>
    /// <remarks>
    /// With room beside each head (150 B: the 100 B tickets fit, the 200 B ones do not; 1024 B: all fit),
    /// the first key's newest ticket moves to the arena whenever the session moves elsewhere (older, another
    /// key's place, removal), and a cache with no room (a <see cref="ClientSessionCache"/>) is the reference.
    /// With room for the caller's own bytes, each step also rewrites the stepping client's room, and no
    /// operation of the cache may touch any client's room.
    /// </remarks>
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(2, 0, 0)]
    [InlineData(3, 0, 0)]
    [InlineData(1, 150, 0)]
    [InlineData(2, 150, 0)]
    [InlineData(3, 1024, 0)]
    [InlineData(4, 0, 12)]
    [InlineData(5, 0, 20)]
    [InlineData(6, 101, 12)]
    [InlineData(7, 1024, 64)]
    public void InterleavedClients_BehaveAsIfAlone(int seed, int inlineTicketBytes, int clientBytes)
    {
        const int clients = 7;
        var rng = new SeededRandomBytes(seed);
        var presets = new[] { Chrome with { CacheEntries = 3 }, ClientPresets.GoWithCache with { CacheEntries = 2 }, ClientPresets.Safari with { SessionsPerKey = 3 } };
        var arena = new ClientSessionArena(clients, inlineTicketBytes, clientBytes);
        var rooms = new byte[clients][];
        for (int c = 0; c < clients; c++)
        {
            rooms[c] = new byte[clientBytes];
        }

        var alone = new ClientSessionCache[clients];
        for (int c = 0; c < clients; c++)
        {
            alone[c] = new ClientSessionCache(presets[c % presets.Length]);
        }

        var buffer = new byte[ClientSessionArena.MaxTicketLength];
        long now = 0;
        for (int step = 0; step < 20_000; step++)
        {
            now += Next(rng, 4) * Times.Minute;
            int c = Next(rng, clients);
            var preset = alone[c].Preset;
            int origin = Next(rng, 5);
            if (clientBytes > 0)
            {
                rooms[c] = Ticket(clientBytes, (byte)(step * 7));
                rooms[c].CopyTo(Room(arena, c));
            }

            switch (Next(rng, 20))
            {
                case 0:
                    arena.Forget(c, preset);
                    alone[c] = new ClientSessionCache(preset);
                    break;
                case < 10:
                    var version = Next(rng, 2) == 0 ? TlsVersion.Tls12 : TlsVersion.Tls13;
                    var ticket = Ticket(Next(rng, 3) * 100, (byte)step);
                    var session = new ClientSession(version, Sessions.Id(step + 1), ticket, now, Next(rng, 3) * Times.Hour);
                    arena.Put(c, preset, origin, session.ToHeld(), ticket, now);
                    alone[c].Put(origin, session, now);
                    break;
                case < 18:
                    var found = arena.Lookup(c, preset, origin, now, out var held, buffer);
                    Assert.Equal(alone[c].Lookup(origin, now, out var expected), found);
                    if (found == ClientLookup.Hit)
                    {
                        Assert.Equal(expected!.SessionId, held.SessionId);
                        Assert.Equal(expected.ReceivedAt, held.ReceivedAt);
                        Assert.Equal(expected.Ticket ?? [], buffer[..held.TicketLength]);
                    }

                    break;
                default:
                    Assert.Equal(alone[c].Remove(origin), arena.Remove(c, preset, origin));
                    break;
            }

            Assert.Equal(alone[c].Count, arena.Count(c));
            Assert.Equal(alone[c].SessionCount, arena.SessionCount(c, preset));
            for (int other = 0; other < clients && clientBytes > 0; other++)
            {
                Assert.Equal(rooms[other], Room(arena, other).ToArray());
            }
        }

        for (int c = 0; c < clients; c++)
        {
            arena.Forget(c, alone[c].Preset);
        }

        Assert.Equal(0, arena.TicketBytesHeld);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(176)]
    public void TicketBytesHeld_CountsTicketsBesideHeadsAndInPages(int inlineTicketBytes)
    {
        // Chrome keeps two sessions per key; only the newest of the first key sits beside the head.
        var arena = new ClientSessionArena(2, inlineTicketBytes);
        Assert.Equal(inlineTicketBytes, arena.InlineTicketBytes);
        arena.Put(0, Chrome, 0, Held(TlsVersion.Tls12, 176), Ticket(176, 1), 0);
        arena.Put(0, Chrome, 0, Held(TlsVersion.Tls12, 176), Ticket(176, 2), 1);
        arena.Put(0, Chrome, 1, Held(TlsVersion.Tls12, 176), Ticket(176, 3), 2);
        Assert.Equal(3 * 176, arena.TicketBytesHeld);

        var buffer = new byte[ClientSessionArena.MaxTicketLength];
        Assert.Equal(ClientLookup.Hit, arena.Lookup(0, Chrome, 0, 3, out _, buffer));
        Assert.Equal(Ticket(176, 2), buffer[..176]);
        Assert.True(arena.Remove(0, Chrome, 0));
        Assert.Equal(176, arena.TicketBytesHeld);

        // Key 1 takes key 0's place: its ticket, in a page, is still read right.
        Assert.Equal(ClientLookup.Hit, arena.Lookup(0, Chrome, 1, 3, out _, buffer));
        Assert.Equal(Ticket(176, 3), buffer[..176]);
    }

    [Fact]
    public void SpareBytes_RoomForAClientRecordBesideSessionIdsButNotBesideA144ByteTicket()
    {
        // The 108 B head leaves 20 B of its two lines; with a 144 B TLS 1.2 AES-128-CBC ticket beside it, 4 B of four.
        Assert.Equal(20, ClientSessionArena.SpareBytes(0));
        Assert.Equal(4, ClientSessionArena.SpareBytes(144));
        Assert.Equal(0, ClientSessionArena.SpareBytes(148));
        Assert.Equal(60, ClientSessionArena.SpareBytes(149));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClientSessionArena.SpareBytes(-1));
    }

    [Fact]
    public void ClientRoom_StartsZeroed_IsAlignedAndSurvivesForget()
    {
        var arena = new ClientSessionArena(3, inlineTicketBytes: 101, clientBytes: 12);
        Assert.Equal(12, arena.ClientBytes);
        for (int c = 0; c < 3; c++)
        {
            Assert.All(Room(arena, c).ToArray(), b => Assert.Equal(0, b));
            Assert.Equal(0, RoomAddress(arena, c) % 4);
        }

        Ticket(12, 40).CopyTo(Room(arena, 1));
        arena.Put(1, Chrome, 0, Held(TlsVersion.Tls12, 101, id: 1), Ticket(101, 1), 0);
        arena.Forget(1, Chrome);
        Assert.Equal(Ticket(12, 40), Room(arena, 1).ToArray());
        Assert.Equal(0, arena.Count(1));
    }

    [Fact]
    public void ClientRoom_WithoutRoomOrClient_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ClientSessionArena(2).ClientRoom(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientSessionArena(2, clientBytes: 4).ClientRoom(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientSessionArena(2, clientBytes: -1));
    }

    private static Span<byte> Room(ClientSessionArena arena, int client) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref arena.ClientRoom(client), arena.ClientBytes);

    private static unsafe long RoomAddress(ClientSessionArena arena, int client) =>
        (long)System.Runtime.CompilerServices.Unsafe.AsPointer(ref arena.ClientRoom(client));

    [Fact]
    public void Constructor_RejectsRoomOutsideZeroToTheLongestTicket()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientSessionArena(1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientSessionArena(1, ClientSessionArena.MaxTicketLength + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientSessionArena(2).Count(2));
    }

    private static int Next(SeededRandomBytes rng, int below)
    {
        Span<byte> b = stackalloc byte[4];
        rng.Fill(b);
        return (int)(BitConverter.ToUInt32(b) % (uint)below);
    }

    [Fact]
    public void PrefetchTicket_WithAndWithoutSessions_ChangesNothing()
    {
        var arena = new ClientSessionArena(3);
        arena.Put(0, Chrome, 0, Held(TlsVersion.Tls12, 176, id: 1), Ticket(176, 10), 0);
        arena.Put(1, Chrome, 0, Held(TlsVersion.Tls12, 0, id: 2), [], 0);
        for (int client = 0; client < 3; client++)
        {
            arena.Prefetch(client);
            arena.PrefetchTicket(client);
        }

        var buffer = new byte[ClientSessionArena.MaxTicketLength];
        Assert.Equal(176, arena.TicketBytesHeld);
        Assert.Equal(ClientLookup.Hit, arena.Lookup(0, Chrome, 0, 1, out _, buffer));
        Assert.Equal(Ticket(176, 10), buffer[..176]);
        Assert.Equal(ClientLookup.Hit, arena.Lookup(1, Chrome, 0, 1, out _, buffer));
        Assert.Equal(ClientLookup.Miss, arena.Lookup(2, Chrome, 0, 1, out _, buffer));
    }

    [Fact]
    public void HasUsableSession_ExpiredByTheClientsCap_IsFalseWithoutRemovingIt()
    {
        // Chrome's TLS 1.2 sessions end an hour after their full handshake (Chromium sets the timeout).
        var arena = new ClientSessionArena(1);
        arena.Put(0, Chrome, 0, new HeldSession(TlsVersion.Tls12, Sessions.Id(1), 0, 0, long.MaxValue), [], 0);

        Assert.True(arena.HasUsableSession(0, Chrome, 0, Times.Hour - 1));
        Assert.False(arena.HasUsableSession(0, Chrome, 0, Times.Hour));
        Assert.Equal(1, arena.SessionsFor(0, Chrome, 0));
        Assert.False(arena.HasUsableSession(0, Chrome, 1, 0));
    }
}
