using ResumeSim.Model.Configuration;
using ResumeSim.Model.Steady;

namespace ResumeSim.Model.Runs;

/// <summary>
/// Runs every (sweep point x strategy x replication) of an experiment, in parallel across cores.
/// Each run is a separate simulation whose randomness comes only from the scenario seed and the
/// replication number, and results are returned in a fixed order, so the output does not depend on
/// the thread count or on which run finished first.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Progress units one simulation reports over its simulated time (a run with <c>warmup: auto</c> is two: pilot and measured run).</summary>
    public const int ProgressUnitsPerRun = 50;

    /// <summary>Runs the given sweep points (a scenario without a sweep is one point).</summary>
    /// <param name="points">The resolved scenario of each sweep point.</param>
    /// <param name="threads">Simulations run at once; 0 = one per core.</param>
    /// <param name="shard">Run only this slice of the runs (default: all); results keep their full-grid indices.</param>
    /// <param name="progress">
    /// Told as simulated time advances: (work done, work in all), where each simulation counts
    /// <see cref="ProgressUnitsPerRun"/> units, one per slice of its simulated time.
    /// </param>
    public static IReadOnlyList<StrategyRunResult> Run(
        IReadOnlyList<ScenarioConfig> points,
        int threads = 0,
        IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default,
        Shard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var slice = shard ?? Shard.All;
        var jobs = new List<(int Point, StrategyConfig Strategy, int Replication)>();
        var position = 0;
        for (var p = 0; p < points.Count; p++)
        {
            foreach (var strategy in points[p].Strategies)
            {
                for (var r = 0; r < points[p].Replications; r++)
                {
                    if (slice.Includes(position++))
                    {
                        jobs.Add((p, strategy, r));
                    }
                }
            }
        }

        var results = new StrategyRunResult[jobs.Count];
        var done = 0;
        var total = jobs.Sum(j => SteadyStateRunner.Passes(points[j.Point]) * ProgressUnitsPerRun);
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, jobs.Count, options, i =>
        {
            var (point, strategy, replication) = jobs[i];
            results[i] = progress is null
                ? SteadyStateRunner.Run(points[point], strategy, replication, point)
                : SteadyStateRunner.Run(points[point], strategy, replication, point, () => progress.Report((Interlocked.Increment(ref done), total)), ProgressUnitsPerRun);
        });
        return results;
    }

    /// <summary>How many runs (sweep point x strategy x replication) the points make in all.</summary>
    public static int CountRuns(IReadOnlyList<ScenarioConfig> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return points.Sum(p => p.Strategies.Count * p.Replications);
    }

    /// <summary>Runs one strategy of one replication on the calling thread (with its pilot, for <c>warmup: auto</c>).</summary>
    public static StrategyRunResult RunOne(ScenarioConfig scenario, StrategyConfig strategy, int replication) =>
        SteadyStateRunner.Run(scenario, strategy, replication, 0);
}
