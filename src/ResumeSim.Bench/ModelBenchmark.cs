using System.Diagnostics;
using System.Globalization;
using ResumeSim.LowLevel.Memory;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Tls;

namespace ResumeSim.Bench;

/// <summary>
/// The model benchmark (<c>resumesim bench model [--quick]</c>): one server, 1 million
/// clients, about 10 million connections, once with per-server session IDs and once with
/// farm-shared tickets (real sealing and opening every time), each on one thread. Reports simulated
/// connections and events per second of wall time (and per second of process CPU time, which a busy
/// shared machine distorts less), bytes allocated per connection, bytes held per
/// client at the end, and the crypto floor: raw ticket seal+open pairs per second in the same run.
/// </summary>
/// <remarks>Wall-clock timing is allowed here, never in simulation code.</remarks>
public static class ModelBenchmark
{
    public static IReadOnlyList<ModelMeasurement> Run(ModelBenchmarkOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model benchmark: 1 server, {options.Clients:N0} clients, ~{options.Clients * options.VisitsPerClient:N0} connections per strategy, {options.Repetitions} repetition(s), one thread"));

        var floor = CryptoFloor(options.Quick ? 20_000 : 200_000);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crypto floor: {floor:N0} ticket seal+open pairs/s (AES-128-CBC + HMAC-SHA256 on {TicketCrypto.Description}, 1 thread)"));

        var results = new List<ModelMeasurement>();
        foreach (var strategy in Strategies(options))
        {
            var scenario = Scenario(options, strategy);
            var runs = new List<ModelMeasurement>();
            for (var r = 0; r < options.Repetitions; r++)
            {
                runs.Add(Measure(scenario, strategy, floor));
            }

            var median = runs.OrderBy(m => m.WallSeconds).ElementAt(runs.Count / 2);
            results.Add(median);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{median.Strategy,-8} wall {median.WallSeconds,7:F2} s (median of {runs.Count}) | {median.Connections:N0} connections | " +
                $"{median.ConnectionsPerSecond / 1e6:F2} M conn/s | cpu {median.CpuSeconds:F2} s = {median.ConnectionsPerCpuSecond / 1e6:F2} M conn/cpu-s | {median.EventsPerSecond / 1e6:F2} M events/s | " +
                $"{median.AllocatedBytesPerConnection:F0} B allocated/conn | {median.HeldBytesPerClient:F0} B held/client | " +
                $"{median.ConnectionsPerSecond / floor:F2}x crypto floor"));
        }

        return results;
    }

    private static ModelMeasurement Measure(ScenarioConfig scenario, StrategyConfig strategy, double floor)
    {
        Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true) + OffHeapMemory.BytesInUse;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var world = new StrategyRun(scenario, strategy, replication: 0);
        var result = world.Run(0, 0);
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var held = GC.GetTotalMemory(forceFullCollection: true) + OffHeapMemory.BytesInUse - before;
        GC.KeepAlive(world);
        return new ModelMeasurement(
            strategy.Name,
            result.Connections,
            result.EventsProcessed,
            wall,
            result.Connections / wall,
            result.EventsProcessed / wall,
            (double)allocated / result.Connections,
            (double)held / scenario.Clients.Count,
            floor,
            result.ResumptionRate,
            cpu);
    }

    private static StrategyConfig[] Strategies(ModelBenchmarkOptions options) =>
    [
        new()
        {
            Name = "ids",
            SessionIds = new SessionIdConfig
            {
                Store = StoreScope.PerServer,
                Eviction = StoreEviction.Fifo,
                CapacityEntries = options.Clients,
                EntryBytes = 384,
                Timeout = TimeSpan.FromHours(1),
            },
        },
        new()
        {
            Name = "tickets",
            Tickets = new TicketConfig { Keys = KeyScope.Shared, Rotate = TimeSpan.FromHours(1), Keep = TimeSpan.FromHours(2), Lifetime = TimeSpan.FromHours(2) },
        },
    ];

    private static ScenarioConfig Scenario(ModelBenchmarkOptions options, StrategyConfig strategy)
    {
        // Every client visits VisitsPerClient times in one simulated hour on average, one connection per visit.
        var duration = TimeSpan.FromHours(1);
        return new ScenarioConfig
        {
            Name = "bench-model",
            Seed = 1,
            Duration = duration,
            Warmup = TimeSpan.Zero,
            Clients = new ClientsConfig
            {
                Count = options.Clients,
                VisitsPerSecond = options.VisitsPerClient / duration.TotalSeconds,
                Rtt = RttConfig.LogNormal(TimeSpan.FromMilliseconds(40), 0.5),
                Mix = [new ClientMixEntry("chrome", 1.0)],
            },
            Farm = new FarmConfig { Servers = 1, Cores = 4 },
            Strategies = [strategy],
            Output = new OutputConfig { Bucket = TimeSpan.FromMinutes(1) },
        };
    }

    /// <summary>Raw seal+open pairs per second of a TLS 1.2 session through the core's key ring.</summary>
    internal static double CryptoFloor(int pairs)
    {
        var random = new SystemRandomBytes();
        var rotator = new TicketRotator(
            new TicketRotatorOptions(TicketCipher.Aes128CbcHmacSha256, RotateEveryNs: 0, KeepNs: 0, MaxKeys: 4, TicketLifetimeNs: 7200L * 1_000_000_000, RenewWhenOldKey: true),
            random,
            now: 0);
        var secret = new byte[48];
        random.Fill(secret);
        var state = new SessionState(TlsVersion.Tls12, 0xC02B, secret, serverName: null, alpn: null, createdAt: 0, lifetimeNs: 7200L * 1_000_000_000, authTime: 0);
        for (var i = 0; i < 2_000; i++)
        {
            rotator.TryOpen(rotator.Seal(state, 1), 1, out _, out _);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < pairs; i++)
        {
            if (rotator.TryOpen(rotator.Seal(state, 1), 1, out _, out _) != TicketOpenStatus.Ok)
            {
                throw new InvalidOperationException("a freshly sealed ticket did not open");
            }
        }

        return pairs / clock.Elapsed.TotalSeconds;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
