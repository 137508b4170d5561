using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ResumeSim.Bench.Queueing;
using ResumeSim.Bench.Queues;
using ResumeSim.Engine;

namespace ResumeSim.Bench;

/// <summary>
/// The engine benchmark (<c>resumesim bench engine [--quick]</c>): (a) M/M/c with
/// c = 8 at utilisation 0.8 end to end on <see cref="Simulation"/>; (b) the hold model at
/// 10^4, 10^6 and 10^7 pending events for every <see cref="IEventQueue"/>, .NET's
/// <see cref="PriorityQueue{TElement, TPriority}"/> and <see cref="Simulation"/> itself (its default
/// queue plus scheduling and dispatch), measured in the same process and run.
/// </summary>
/// <remarks>
/// Wall-clock timing with <see cref="Stopwatch"/> is allowed here (never in simulation code).
/// Each measurement runs <see cref="EngineBenchmarkOptions.Repetitions"/> times on a fresh queue,
/// after a full GC, and the median is reported; JIT tiering is settled by a small warm-up pass.
/// </remarks>
public static class EngineBenchmark
{
    private const string PriorityQueueName = "PriorityQueue";
    private const string SimulationName = "Simulation";

    /// <summary>Runs the benchmark, writing progress to <paramref name="log"/>.</summary>
    public static EngineBenchmarkReport Run(EngineBenchmarkOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1);
        string machine = DescribeMachine();
        log.WriteLine($"engine benchmark on {machine}");

        WarmUpJit(options.Seed);
        double rng = Median(Repeat(options.Repetitions, _ => HoldModel.RngBaseline(2_000_000, options.Seed)));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exponential draw alone: {rng:F1} ns"));

        var hold = new List<HoldMeasurement>();
        foreach (int pending in options.EffectiveHoldSizes)
        {
            hold.AddRange(MeasureHold(options, pending, log));
        }

        // The direct rows run the same model without Simulation: their time is the model's floor on that
        // queue, and the difference to the row above is the engine's own cost per event.
        var mmc = new List<MmcMeasurement>
        {
            MeasureMmc(options, nameof(BucketQueue), () => new BucketQueue(), onSimulation: true, log),
            MeasureMmc(options, nameof(BucketQueue), () => new BucketQueue(), onSimulation: false, log),
            MeasureMmc(options, nameof(CalendarQueue), () => new CalendarQueue(), onSimulation: true, log),
            MeasureMmc(options, nameof(QuaternaryHeap), () => new QuaternaryHeap(), onSimulation: true, log),
            MeasureMmc(options, nameof(QuaternaryHeap), () => new QuaternaryHeap(), onSimulation: false, log),
        };
        return new EngineBenchmarkReport(machine, options, hold, mmc, rng);
    }

    private static List<HoldMeasurement> MeasureHold(EngineBenchmarkOptions options, int pending, TextWriter log)
    {
        long warmup = options.WarmupHolds(pending);
        long holds = options.TimedHolds(pending);
        // "Simulation" is the same hold through Simulation.Step on its default BucketQueue: queue plus
        // scheduling, payload unpacking and dispatch, i.e. the engine's cost per model event.
        var queues = new (string Name, Func<IEventQueue>? Create)[]
        {
            (SimulationName, null),
            (nameof(BucketQueue), () => new BucketQueue()),
            (nameof(CalendarQueue), () => new CalendarQueue()),
            (nameof(QuaternaryHeap), () => new QuaternaryHeap()),
            (nameof(BinaryHeap), () => new BinaryHeap()),
            (PriorityQueueName, null),
        };

        var raw = new List<(string Name, double[] Ns, double[] Fill)>();
        foreach (var (name, create) in queues)
        {
            var ns = new double[options.Repetitions];
            var fill = new double[options.Repetitions];
            for (int r = 0; r < options.Repetitions; r++)
            {
                Collect();
                ulong seed = options.Seed + (ulong)r;
                var result = (name, create) switch
                {
                    (SimulationName, _) => EngineBenchmarkSimulationHold.Run(pending, warmup, holds, seed),
                    (_, null) => HoldModel.RunPriorityQueue(pending, warmup, holds, seed),
                    (_, _) => HoldModel.Run(create(), pending, warmup, holds, seed),
                };
                ns[r] = result.NsPerHold;
                fill[r] = result.FillSeconds;
            }

            raw.Add((name, ns, fill));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hold n={pending,10:N0} {name,-15} {Median(ns),8:F1} ns/hold (runs: {string.Join(", ", ns.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))})"));
        }

        double baseline = Median(raw.Single(r => r.Name == PriorityQueueName).Ns);
        return raw.Select(r => new HoldMeasurement(
            r.Name, pending, holds, Median(r.Ns), r.Ns.Min(), r.Ns.Max(), Median(r.Fill), Median(r.Ns) / baseline)).ToList();
    }

    private static MmcMeasurement MeasureMmc(
        EngineBenchmarkOptions options, string name, Func<IEventQueue> create, bool onSimulation, TextWriter log)
    {
        const int servers = 8;
        const double serviceRate = 1000;
        double arrivalRate = 0.8 * servers * serviceRate;
        long customers = options.EffectiveMmcCustomers;
        var seconds = new double[options.Repetitions];
        QueueRunResult? last = null;
        for (int r = 0; r < options.Repetitions; r++)
        {
            Collect();
            var streams = new RandomStreams(options.Seed + (ulong)r);
            var model = onSimulation
                ? new MultiServerQueue(new Simulation(create()), servers, arrivalRate, 1 / serviceRate,
                    ServiceTimeKind.Exponential, streams, customers, customers / 10)
                : null;
            var queue = onSimulation ? null : create();
            var sw = Stopwatch.StartNew();
            last = model is not null
                ? model.RunToCompletion()
                : DirectMultiServerQueue.Run(queue!, servers, arrivalRate, 1 / serviceRate, streams, customers, customers / 10);
            seconds[r] = sw.Elapsed.TotalSeconds;
        }

        double median = Median(seconds);
        double nsPerEvent = median * 1e9 / last!.EventsProcessed;
        double theory = QueueingTheory.MmcMeanWait(servers, arrivalRate, serviceRate) * 1e3;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M/M/8 {name,-15} {(onSimulation ? "Simulation" : "direct"),-10} {customers:N0} customers {median:F2} s, {nsPerEvent:F1} ns/event, wait {last.MeanWaitSeconds * 1e3:F4} ms (Erlang C {theory:F4} ms)"));
        return new MmcMeasurement(name, onSimulation, customers, last.EventsProcessed, median, nsPerEvent, last.EventsProcessed / median,
            last.MeanWaitSeconds * 1e3, theory);
    }

    /// <summary>Runs every code path briefly so tiered JIT compiles them before timing.</summary>
    private static void WarmUpJit(ulong seed)
    {
        for (int i = 0; i < 3; i++)
        {
            HoldModel.Run(new BucketQueue(), 5_000, 50_000, 100_000, seed);
            HoldModel.Run(new CalendarQueue(), 5_000, 50_000, 100_000, seed);
            HoldModel.Run(new QuaternaryHeap(), 5_000, 50_000, 100_000, seed);
            HoldModel.Run(new BinaryHeap(), 5_000, 50_000, 100_000, seed);
            HoldModel.RunPriorityQueue(5_000, 50_000, 100_000, seed);
            EngineBenchmarkSimulationHold.Run(5_000, 50_000, 100_000, seed);
            new MultiServerQueue(new Simulation(), 8, 6400, 1e-3, ServiceTimeKind.Exponential, new RandomStreams(seed), 20_000, 0).RunToCompletion();
            DirectMultiServerQueue.Run(new BucketQueue(), 8, 6400, 1e-3, new RandomStreams(seed), 20_000, 0);
            DirectMultiServerQueue.Run(new QuaternaryHeap(), 8, 6400, 1e-3, new RandomStreams(seed), 20_000, 0);
        }
    }

    private static double[] Repeat(int times, Func<int, double> measure) => Enumerable.Range(0, times).Select(measure).ToArray();

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static string DescribeMachine()
    {
        string cpu = RuntimeInformation.ProcessArchitecture.ToString();
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
        {
            string? model = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
            {
                cpu = model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        // The load average says how much other work shared the cores while measuring.
        const string loadavg = "/proc/loadavg";
        string load = File.Exists(loadavg) ? $", load average {string.Join(' ', File.ReadAllText(loadavg).Split(' ').Take(3))} at start" : "";
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}{load}";
    }
}
