using System.Globalization;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Budget;

/// <summary>
/// Checks, before anything runs, that one simulation of a bound scenario fits the machine and ends:
/// its memory, its time-series buckets, its visit counters and the tail of its visit gaps. Each value
/// alone may be in range and the product still impossible (two billion clients, a year of 1 ms
/// buckets), so these checks work on the whole configuration; each error names the key that drives it.
/// </summary>
internal static class RunBudget
{
    public static void Check(ScenarioConfig config, YMapping root, Issues issues, long memoryLimitBytes)
    {
        var buckets = RunFootprint.Buckets(config);
        if (buckets > ScenarioLimits.MaxBuckets)
        {
            var shortest = TimeSpan.FromTicks((config.Duration.Ticks + ScenarioLimits.MaxBuckets - 1) / ScenarioLimits.MaxBuckets);
            issues.Add(At(root, "output.bucket", "duration"), $"output.bucket {Scalars.Show(config.Output.Bucket)} over duration {Scalars.Show(config.Duration)} makes {buckets} time-series buckets, more than the limit of {ScenarioLimits.MaxBuckets}; expected a bucket of at least {Scalars.Show(shortest)} (output.bucket defaults to 1s)");
            return;
        }

        var servers = RunFootprint.MaxServers(config);
        if (buckets * servers > Array.MaxLength)
        {
            issues.Add(At(root, "farm.servers", "output.bucket"), $"{servers} servers x {buckets} time-series buckets is {buckets * servers} per-server buckets, more than the limit of {Array.MaxLength} (one array holds them); expected fewer servers or a longer output.bucket");
            return;
        }

        var bytes = RunFootprint.TotalBytes(config);
        if (bytes > memoryLimitBytes)
        {
            issues.Add(At(root, [.. Largest(config).Keys, "clients"]), $"one simulation would need about {Size(bytes)} ({Parts(config)}), more than the memory limit of {Size(memoryLimitBytes)}; expected fewer clients, servers or buckets, or a higher limit ({ScenarioLimits.MemoryLimitVariable}=200GB) on a machine that has it (docs/errors.md)");
        }

        var tail = 1.0;
        if (config.Clients.Trace is null)
        {
            tail = CheckVisits(config, root, issues);
        }

        var connections = VisitLoad.Connections(config, tail);
        if (connections > ScenarioLimits.MaxConnectionsPerRun)
        {
            issues.Add(At(root, "clients.visits.rate", "clients"), $"one simulation would make about {Count(connections)} connections, more than the limit of {Count(ScenarioLimits.MaxConnectionsPerRun)} (days of CPU per strategy at the measured 0.45 million connections/s); expected fewer clients, a lower rate or a shorter duration (docs/errors.md)");
        }
    }

    /// <summary>The tail factor of the visit gaps (1 for Poisson), after checking it and the busiest client's visits.</summary>
    private static double CheckVisits(ScenarioConfig config, YMapping root, Issues issues)
    {
        var process = config.Clients.Process;
        var span = VisitLoad.SpanSeconds(config);
        var rate = config.Clients.VisitsPerSecond;
        var tail = VisitLoad.TailFactor(process, rate, span);
        if (tail > ScenarioLimits.MaxTailFactor)
        {
            var (key, bound) = process.Kind == VisitProcessKind.Pareto
                ? ("shape", $"a shape of at least {Round(Math.Ceiling(1000 * Boundary(a => VisitLoad.TailFactor(process with { Shape = a }, rate, span), 1, 100, rising: false)) / 1000)}")
                : ("sigma", $"a sigma of at most {Round(Math.Floor(1000 * Boundary(s => VisitLoad.TailFactor(process with { Sigma = s }, rate, span), 0, 5, rising: true)) / 1000)}");
            var written = key == "shape" ? process.Shape : process.Sigma;
            issues.Add(At(root, $"clients.visits.{key}", "clients.visits"), $"clients.visits.{key}: {Round(written)} makes the visit gaps so heavy-tailed that within the run's {Scalars.Show(TimeSpan.FromSeconds(Math.Round(span)))} clients would visit about {Count(tail)} times as often as visits.rate says (the mean gap is reached only through gaps longer than the run), more than the limit of {ScenarioLimits.MaxTailFactor} times; expected {bound} for this rate and run length");
            return tail;
        }

        var busiest = VisitLoad.PeakClientRate(config) * span * tail;
        if (busiest > ScenarioLimits.MaxVisitsPerClient)
        {
            issues.Add(At(root, "clients.visits.rate", "clients"), $"the busiest client would visit about {Count(busiest)} times in one simulation (its rate with popularity, diurnal peak and surges, over warm-up and duration), more than the limit of {Count(ScenarioLimits.MaxVisitsPerClient)} (a client's visit counter is a 32-bit integer); expected a lower rate, a smaller zipf exponent or a shorter run");
        }

        return tail;
    }

    /// <summary>
    /// Where <paramref name="factor"/> crosses <see cref="ScenarioLimits.MaxTailFactor"/> in [low, high]
    /// (it falls as a Pareto shape grows and rises with a lognormal sigma); found by bisection.
    /// </summary>
    private static double Boundary(Func<double, double> factor, double low, double high, bool rising)
    {
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            var within = factor(middle) <= ScenarioLimits.MaxTailFactor;
            (low, high) = within == rising ? (middle, high) : (low, middle);
        }

        return rising ? low : high;
    }

    /// <summary>The node at the first of <paramref name="paths"/> written in the file, else the root.</summary>
    private static YNode At(YMapping root, params string[] paths)
    {
        foreach (var path in paths)
        {
            YNode? node = root;
            foreach (var segment in path.Split('.'))
            {
                node = (node as YMapping)?.Find(segment)?.Value;
            }

            if (node is not null)
            {
                return node;
            }
        }

        return root;
    }

    /// <summary>The estimate's parts that are not negligible, largest first, so the message says what to cut.</summary>
    private static string Parts(ScenarioConfig config) =>
        string.Join(", ", Footprint(config).Where(p => p.Bytes >= 1 << 20).OrderByDescending(p => p.Bytes).Select(p => $"{p.Name} {Size(p.Bytes)}"));

    /// <summary>The largest part, whose keys the error points at.</summary>
    private static (string Name, double Bytes, string[] Keys) Largest(ScenarioConfig config) => Footprint(config).MaxBy(p => p.Bytes);

    private static (string Name, double Bytes, string[] Keys)[] Footprint(ScenarioConfig config) =>
    [
        ("clients", RunFootprint.ClientBytes(config), ["clients.count", "clients.trace"]),
        ("servers", RunFootprint.ServerBytes(config), ["farm.servers", "faults", "farm"]),
        ("time series", RunFootprint.MetricsBytes(config), ["output.bucket", "duration"]),
        ("session tables", RunFootprint.StoreBytes(config), ["strategies"]),
        ("trace", RunFootprint.TraceBytes(config), ["clients.trace"]),
    ];

    private static string Size(double bytes) => bytes >= 1L << 30
        ? $"{(bytes / (1L << 30)).ToString("0.#", CultureInfo.InvariantCulture)} GiB"
        : $"{(bytes / (1L << 20)).ToString("0.#", CultureInfo.InvariantCulture)} MiB";

    private static string Count(double value) => value >= 1e6 ? value.ToString("0.##e0", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture);

    private static string Round(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
