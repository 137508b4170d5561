using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ResumeSim.Tls;

namespace ResumeSim.Bench;

/// <summary>
/// The resumption core's benchmark (<c>resumesim bench tls [--quick]</c>): session-store
/// get and put with a warm store of 10^6 entries (ns/op and bytes allocated per op), and ticket seal
/// and open against the raw AES-CBC and HMAC-SHA256 calls they make, measured in the same run.
/// </summary>
/// <remarks>Wall-clock timing is allowed here, never in simulation code. Medians of repetitions.</remarks>
public static class TlsBenchmark
{
    public static IReadOnlyList<TlsMeasurement> Run(bool quick, int repetitions, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var entries = quick ? 50_000 : 1_000_000;
        var ops = quick ? 100_000 : 2_000_000;
        var tickets = quick ? 20_000 : 300_000;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tls benchmark: stores warm with {entries:N0} entries, {ops:N0} ops per measurement; {tickets:N0} tickets; median of {repetitions}"));

        var results = new List<TlsMeasurement>();
        foreach (var eviction in new[] { StoreEviction.Fifo, StoreEviction.Lru })
        {
            results.Add(Median(repetitions, () => StoreGet(eviction, entries, ops), $"store get ({eviction}, {entries:N0} warm)"));
            results.Add(Median(repetitions, () => StorePut(eviction, entries, ops), $"store put ({eviction}, full, evicting)"));
        }

        log.WriteLine($"ticket crypto: {TicketCrypto.Description}");
        results.Add(Median(repetitions, () => RawPlatformCbcHmac(tickets), "raw .NET AES-128-CBC + HMAC-SHA256 calls"));
        var raw = Median(repetitions, () => RawTicketCalls(tickets), "raw AES-128-CBC + HMAC-SHA256 (the calls a seal makes)");
        var seal = Median(repetitions, () => Seal(tickets), "ticket seal (AES-128-CBC + HMAC-SHA256)");
        var open = Median(repetitions, () => Open(tickets), "ticket open (AES-128-CBC + HMAC-SHA256)");
        results.AddRange([raw, seal, open]);
        foreach (var m in results)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Name,-58} {m.NanosecondsPerOp,8:F0} ns/op {m.AllocatedBytesPerOp,7:F1} B/op"));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seal / raw = {seal.NanosecondsPerOp / raw.NanosecondsPerOp:F2}x, open / raw = {open.NanosecondsPerOp / raw.NanosecondsPerOp:F2}x"));
        return results;
    }

    private static TlsMeasurement Median(int repetitions, Func<(double Ns, double Bytes)> measure, string name)
    {
        var runs = Enumerable.Range(0, Math.Max(1, repetitions)).Select(_ => measure()).OrderBy(r => r.Ns).ToList();
        var median = runs[runs.Count / 2];
        return new TlsMeasurement(name, median.Ns, median.Bytes);
    }

    private static IServerSessionStore WarmStore(StoreEviction eviction, int entries, SessionId[] ids, SessionState state)
    {
        var store = SessionStorePresets.Create(new SessionStoreOptions(eviction, entries, 0, 384, TimeoutNs: 3600L * 1_000_000_000));
        foreach (var id in ids)
        {
            store.Put(id, state, 0);
        }

        return store;
    }

    private static (double, double) StoreGet(StoreEviction eviction, int entries, int ops)
    {
        var (ids, state) = Ids(entries);
        var store = WarmStore(eviction, entries, ids, state);
        var order = Shuffle(entries, ops);
        var hits = 0;
        for (var i = 0; i < Math.Min(ops, 10_000); i++)
        {
            hits += store.TryGet(ids[order[i]], 1, out _) == StoreLookup.Hit ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < ops; i++)
        {
            hits += store.TryGet(ids[order[i]], 1, out _) == StoreLookup.Hit ? 1 : 0;
        }

        var ns = clock.Elapsed.TotalNanoseconds / ops;
        var bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / ops;
        if (hits < ops)
        {
            throw new InvalidOperationException("a warm store missed");
        }

        return (ns, bytes);
    }

    private static (double, double) StorePut(StoreEviction eviction, int entries, int ops)
    {
        var (ids, state) = Ids(entries);
        var store = WarmStore(eviction, entries, ids, state);
        var (fresh, _) = Ids(ops, seed: 99);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < ops; i++)
        {
            store.Put(fresh[i], state, 2);
        }

        var ns = clock.Elapsed.TotalNanoseconds / ops;
        return (ns, (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / ops);
    }

    private static (double, double) RawPlatformCbcHmac(int count)
    {
        var key = new byte[16];
        var macKey = new byte[32];
        RandomNumberGenerator.Fill(key);
        RandomNumberGenerator.Fill(macKey);
        using var aes = Aes.Create();
        aes.Padding = PaddingMode.None;
        using var encryptor = aes.CreateEncryptor(key, new byte[16]);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, macKey);
        var plain = new byte[112];
        var ticket = new byte[176];
        var mac = new byte[32];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            encryptor.TransformBlock(plain, 0, plain.Length, ticket, 32);
            hmac.AppendData(ticket, 0, 144);
            hmac.GetHashAndReset(mac);
        }

        return (clock.Elapsed.TotalNanoseconds / count, 0);
    }

    // The calls TicketKey.Seal makes with the implementation TicketCrypto chose: pad and encrypt 112 B,
    // then MAC name, IV and body (144 B).
    private static (double, double) RawTicketCalls(int count)
    {
        var key = new byte[16];
        var macKey = new byte[32];
        RandomNumberGenerator.Fill(key);
        RandomNumberGenerator.Fill(macKey);
        using var cipher = TicketCrypto.CreateCbc(key);
        using var hmac = TicketCrypto.CreateMac(macKey);
        var plain = new byte[100];
        var ticket = new byte[176];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            cipher.Encrypt(plain, ticket.AsSpan(16, 16), ticket.AsSpan(32));
            hmac.Compute(ticket.AsSpan(0, 144), ticket.AsSpan(144, 32));
        }

        return (clock.Elapsed.TotalNanoseconds / count, 0);
    }

    private static (double, double) Seal(int count)
    {
        var (ring, state) = Ring();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            ring.Seal(state, 1);
        }

        var ns = clock.Elapsed.TotalNanoseconds / count;
        return (ns, (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / count);
    }

    private static (double, double) Open(int count)
    {
        var (ring, state) = Ring();
        var sealedTicket = ring.Seal(state, 1);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (ring.TryOpen(sealedTicket, 2, out _, out _) != TicketOpenStatus.Ok)
            {
                throw new InvalidOperationException("a sealed ticket did not open");
            }
        }

        var ns = clock.Elapsed.TotalNanoseconds / count;
        return (ns, (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / count);
    }

    private static (TicketRotator Ring, SessionState State) Ring()
    {
        // IVs come from a seeded stream, as in the simulation (a real server would use the OS
        // generator, SystemRandomBytes, whose system call would dominate the seal being measured).
        var random = new SeededBytes(new ResumeSim.Engine.RandomStream(42));
        var ring = new TicketRotator(new TicketRotatorOptions(TicketCipher.Aes128CbcHmacSha256, 0, 0, 4, 0, false), random, 0);
        var secret = new byte[48];
        random.Fill(secret);
        var state = new SessionState(TlsVersion.Tls12, 0xC02B, secret, serverName: "www.example.com", alpn: "h2", createdAt: 0, lifetimeNs: 7200L * 1_000_000_000, authTime: 0);
        for (var i = 0; i < 5_000; i++)
        {
            ring.TryOpen(ring.Seal(state, 1), 1, out _, out _);
        }

        return (ring, state);
    }

    private sealed class SeededBytes(ResumeSim.Engine.RandomStream stream) : IRandomBytes
    {
        public void Fill(Span<byte> destination) => stream.Fill(destination);
    }

    private static (SessionId[] Ids, SessionState State) Ids(int count, int seed = 1)
    {
        var bytes = new byte[SessionId.Length];
        var rng = new Random(seed);
        var ids = new SessionId[count];
        for (var i = 0; i < count; i++)
        {
            rng.NextBytes(bytes);
            ids[i] = SessionId.FromBytes(bytes);
        }

        var state = new SessionState(TlsVersion.Tls12, 0xC02B, new byte[48], serverName: null, alpn: null, createdAt: 0, lifetimeNs: 3600L * 1_000_000_000, authTime: 0);
        return (ids, state);
    }

    private static int[] Shuffle(int entries, int ops)
    {
        var rng = new Random(5);
        var order = new int[ops];
        for (var i = 0; i < ops; i++)
        {
            order[i] = rng.Next(entries);
        }

        return order;
    }
}
