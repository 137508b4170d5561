using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ResumeSim.Bench.Queueing;
using ResumeSim.Bench.Queues;
using ResumeSim.Engine;

namespace ResumeSim.Bench;

/// <summary>
/// The engine benchmark (<c>resumesim bench engine [--quick]</c>): (a) the hold model at 10^4, 10^6
/// and 10^7 pending events for every <see cref="IEventQueue"/>, .NET's
/// <see cref="PriorityQueue{TElement, TPriority}"/> and <see cref="Simulation"/> itself (its default
/// queue plus scheduling and dispatch); (b) M/M/c with c = 8 at utilisation 0.8 end to end on
/// <see cref="Simulation"/>, and as a loop calling the queue itself.
/// </summary>
/// <remarks>
/// Wall-clock timing with <see cref="Stopwatch"/> is allowed here (never in simulation code).
/// Each measurement (an <see cref="EngineBenchmarkCase"/>) runs <see cref="EngineBenchmarkOptions.Repetitions"/>
/// times on a fresh queue, after a full GC, and the median is reported. Run by the CLI, every case
/// runs in a fresh child process after a warm-up of its own code, as BenchmarkDotNet runs each
/// benchmark: in one process the JIT compiles the shared call sites (a queue behind
/// <see cref="IEventQueue"/>, a handler behind <see cref="IEventHandler"/>) for whichever class it saw
/// most while profiling, and every other class measured there pays an interface call.
/// </remarks>
public static partial class EngineBenchmark
{
    private const string PriorityQueueName = "PriorityQueue";
    private const string SimulationName = "Simulation";
    private const int MmcServers = 8;
    private const double MmcServiceRate = 1000;
    private const double MmcArrivalRate = 0.8 * MmcServers * MmcServiceRate;

    /// <summary>
    /// Runs the benchmark, writing progress to <paramref name="log"/>. <paramref name="runElsewhere"/>
    /// runs one case and returns what it measured (the CLI: in a child process); without it every
    /// case runs in this process after one warm-up of all of them.
    /// </summary>
    public static EngineBenchmarkReport Run(
        EngineBenchmarkOptions options, TextWriter log, Func<EngineBenchmarkCase, EngineCaseResult>? runElsewhere = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1);
        string machine = DescribeMachine();
        log.WriteLine($"engine benchmark on {machine}");
        log.WriteLine(runElsewhere is null ? "every case in this process" : "every case in a child process of its own");

        if (runElsewhere is null)
        {
            WarmUpJit(options.Seed);
        }

        var measure = runElsewhere ?? (c => RunCase(options, c));
        for (int i = 0; i < 3; i++)
        {
            HoldModel.RngBaseline(200_000, options.Seed);
        }

        double rng = Median(Repeat(options.Repetitions, _ => HoldModel.RngBaseline(2_000_000, options.Seed)));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exponential draw alone: {rng:F1} ns"));

        var hold = new List<HoldMeasurement>();
        foreach (int pending in options.EffectiveHoldSizes)
        {
            hold.AddRange(MeasureHold(options, pending, measure, log));
        }

        // The direct rows run the same model without Simulation: their time is the model's floor on that
        // queue, and the difference to the row above is the engine's own cost per event.
        var mmc = new List<MmcMeasurement>();
        foreach (var (queue, onSimulation) in new[]
        {
            (nameof(BucketQueue), true), (nameof(BucketQueue), false), (nameof(CalendarQueue), true),
            (nameof(QuaternaryHeap), true), (nameof(QuaternaryHeap), false),
        })
        {
            mmc.Add(MeasureMmc(options, EngineBenchmarkCase.Mmc(queue, onSimulation), measure, log));
        }

        return new EngineBenchmarkReport(machine, options, hold, mmc, rng);
    }

    /// <summary>Runs one case <see cref="EngineBenchmarkOptions.Repetitions"/> times in this process.</summary>
    public static EngineCaseResult RunCase(EngineBenchmarkOptions options, EngineBenchmarkCase benchmarkCase) =>
        RunCase(options, benchmarkCase, warmUpOnly: false);

    private static EngineCaseResult RunCase(EngineBenchmarkOptions options, EngineBenchmarkCase c, bool warmUpOnly)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(c);
        var values = new double[options.Repetitions];
        var fill = new double[options.Repetitions];
        long events = 0;
        double wait = 0;
        for (int r = 0; r < options.Repetitions; r++)
        {
            if (!warmUpOnly)
            {
                Collect();
            }

            ulong seed = options.Seed + (ulong)r;
            if (c.Model == EngineBenchmarkCase.HoldModel)
            {
                long warmupHolds = warmUpOnly ? 50_000 : options.WarmupHolds(c.Pending);
                long holds = warmUpOnly ? 100_000 : options.TimedHolds(c.Pending);
                var result = c.Queue switch
                {
                    SimulationName => EngineBenchmarkSimulationHold.Run(c.Pending, warmupHolds, holds, seed),
                    PriorityQueueName => HoldModel.RunPriorityQueue(c.Pending, warmupHolds, holds, seed),
                    _ => HoldModel.Run(CreateQueue(c.Queue), c.Pending, warmupHolds, holds, seed),
                };
                values[r] = result.NsPerHold;
                fill[r] = result.FillSeconds;
            }
            else
            {
                var run = RunMmc(options, c, new RandomStreams(seed));
                values[r] = run.Seconds;
                events = run.Result.EventsProcessed;
                wait = run.Result.MeanWaitSeconds * 1e3;
            }
        }

        return new EngineCaseResult(c.Name, values, fill, CustomersOf(options, c), events, wait);
    }

    /// <summary>The M/M/8 customers one run of <paramref name="c"/> serves (0 for the hold model), as its result reports them.</summary>
    private static long CustomersOf(EngineBenchmarkOptions options, EngineBenchmarkCase c) =>
        c.Model == EngineBenchmarkCase.MmcModel ? options.EffectiveMmcCustomers : 0;

    private static (double Seconds, QueueRunResult Result) RunMmc(EngineBenchmarkOptions options, EngineBenchmarkCase c, RandomStreams streams)
    {
        long customers = options.EffectiveMmcCustomers;
        var queue = CreateQueue(c.Queue);
        var model = c.OnSimulation
            ? new MultiServerQueue(new Simulation(queue), MmcServers, MmcArrivalRate, 1 / MmcServiceRate, ServiceTimeKind.Exponential, streams, customers, customers / 10)
            : null;
        var sw = Stopwatch.StartNew();
        var result = model is not null
            ? model.RunToCompletion()
            : DirectMultiServerQueue.Run(queue, MmcServers, MmcArrivalRate, 1 / MmcServiceRate, streams, customers, customers / 10);
        return (sw.Elapsed.TotalSeconds, result);
    }

    private static IEventQueue CreateQueue(string name) => name switch
    {
        nameof(BucketQueue) => new BucketQueue(),
        nameof(CalendarQueue) => new CalendarQueue(),
        nameof(QuaternaryHeap) => new QuaternaryHeap(),
        nameof(BinaryHeap) => new BinaryHeap(),
        _ => throw new ArgumentException($"no event queue is named '{name}'", nameof(name)),
    };

    private static List<HoldMeasurement> MeasureHold(
        EngineBenchmarkOptions options, int pending, Func<EngineBenchmarkCase, EngineCaseResult> measure, TextWriter log)
    {
        // "Simulation" is the same hold through Simulation.Step on its default BucketQueue: queue plus
        // scheduling, payload unpacking and dispatch, i.e. the engine's cost per model event.
        var raw = new List<(string Name, IReadOnlyList<double> Ns, IReadOnlyList<double> Fill)>();
        foreach (var name in EngineBenchmarkCase.HoldQueues)
        {
            var result = measure(EngineBenchmarkCase.Hold(name, pending));
            raw.Add((name, result.Values, result.FillSeconds));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hold n={pending,10:N0} {name,-15} {Median(result.Values),8:F1} ns/hold (runs: {string.Join(", ", result.Values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))})"));
        }

        double baseline = Median(raw.Single(r => r.Name == PriorityQueueName).Ns);
        return raw.Select(r => new HoldMeasurement(
            r.Name, pending, options.TimedHolds(pending), Median(r.Ns), r.Ns.Min(), r.Ns.Max(), Median(r.Fill), Median(r.Ns) / baseline)).ToList();
    }

    private static MmcMeasurement MeasureMmc(
        EngineBenchmarkOptions options, EngineBenchmarkCase c, Func<EngineBenchmarkCase, EngineCaseResult> measure, TextWriter log)
    {
        var result = measure(c);
        double median = Median(result.Values);
        double nsPerEvent = median * 1e9 / result.Events;
        double theory = QueueingTheory.MmcMeanWait(MmcServers, MmcArrivalRate, MmcServiceRate) * 1e3;
        long customers = options.EffectiveMmcCustomers;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M/M/8 {c.Queue,-15} {(c.OnSimulation ? "Simulation" : "direct"),-10} {customers:N0} customers {median:F2} s, {nsPerEvent:F1} ns/event, wait {result.MeanWaitMs:F4} ms (Erlang C {theory:F4} ms)"));
        return new MmcMeasurement(c.Queue, c.OnSimulation, customers, result.Events, median, nsPerEvent, result.Events / median,
            result.MeanWaitMs, theory);
    }

    /// <summary>Runs every code path briefly so tiered JIT compiles them before timing (all cases in this process).</summary>
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

    private static double Median(IReadOnlyList<double> values)
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
