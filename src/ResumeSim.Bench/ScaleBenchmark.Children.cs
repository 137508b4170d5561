using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using ResumeSim.Model.Configuration;

namespace ResumeSim.Bench;

/// <summary>
/// Strategies in child processes: two worlds in one process share one GC heap (a collection stops
/// both threads), so the parallel speed-up measured on threads is not what two cores can give. A
/// child runs one strategy alone in a fresh process and prints one <see cref="ScaleChildResultLine"/>.
/// </summary>
public static partial class ScaleBenchmark
{
    /// <summary>
    /// The child's side (<c>bench scale FILE --child NAME</c>): measures the crypto floor, runs the one
    /// strategy, reads its own peak RSS and prints its result line on <paramref name="output"/>
    /// (progress lines, if any, go there too and are forwarded by the parent).
    /// </summary>
    public static ScaleChildResult RunChild(ScenarioConfig scenario, string strategy, ScaleBenchmarkOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var scaled = Scale(scenario, options.Clients ?? scenario.Clients.Count);
        var chosen = scaled.Strategies.FirstOrDefault(s => s.Name == strategy)
            ?? throw new ArgumentException($"scenario '{scenario.Name}' has no strategy '{strategy}' (it has {string.Join(", ", scaled.Strategies.Select(s => s.Name))})", nameof(strategy));
        var floor = ModelBenchmark.CryptoFloor(options.CryptoFloorPairs);
        var measurement = Measure(scaled, chosen, "child", holdBytes: true, options.ProgressSlices > 1 ? output : null, options.ProgressSlices, out var start, out var end);
        var result = new ScaleChildResult(measurement, ReadPeakRss(), floor, start, end);
        output.WriteLine(ScaleChildResultLine.Format(result));
        output.Flush();
        return result;
    }

    /// <summary>
    /// Starts one child per strategy at the same time and waits for all of them. Progress lines are
    /// forwarded to <paramref name="log"/>; the first child to fail kills the others and its failure
    /// is thrown, so no phase is reported from part of its children.
    /// </summary>
    private static ScaleChildResult[] RunChildren(IBenchChildLauncher launcher, IReadOnlyList<string> strategies, TextWriter log, out double launchWallSeconds)
    {
        var gate = new object();
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var tasks = strategies.Select(s => RunChildAsync(launcher, s, log, gate, cancel)).ToArray();
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // The children killed because another failed end cancelled; report the one that failed.
            var failure = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }

        launchWallSeconds = clock.Elapsed.TotalSeconds;
        return tasks.Select(t => t.Result).ToArray();
    }

    private static async Task<ScaleChildResult> RunChildAsync(IBenchChildLauncher launcher, string strategy, TextWriter log, object gate, CancellationTokenSource cancel)
    {
        try
        {
            var exit = await launcher.RunAsync(
                strategy,
                line =>
                {
                    if (!ScaleChildResultLine.IsResultLine(line))
                    {
                        lock (gate)
                        {
                            log.WriteLine(line);
                            log.Flush();
                        }
                    }
                },
                cancel.Token).ConfigureAwait(false);
            return ReadResult(strategy, exit);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // This child failed (or could not be read): the others' results would be thrown away.
            await cancel.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The one result line of a child that exited cleanly, for the strategy it was asked to run.</summary>
    private static ScaleChildResult ReadResult(string strategy, BenchChildExit exit)
    {
        var result = exit.ReadResult(strategy, ScaleChildResultLine.Prefix, ScaleChildResultLine.Parse);
        if (result.Measurement.Strategy != strategy)
        {
            throw new BenchChildFailedException(strategy, $"its result line is for strategy '{result.Measurement.Strategy}'", exit.StandardErrorTail);
        }

        return result;
    }

    /// <summary>
    /// The wall time of children started together: from the first world starting to the last one
    /// finishing, on the machine-wide monotonic clock, so process start-up and each child's crypto
    /// floor are left out as they are from the serial runs. If the children's clocks do not line up
    /// with this process's (not one monotonic clock), the launch-to-exit time is used, and said.
    /// </summary>
    private static double RunSpanSeconds(IReadOnlyList<ScaleChildResult> children, double launchWallSeconds, TextWriter log)
    {
        var span = (double)(children.Max(c => c.RunEndTimestamp) - children.Min(c => c.RunStartTimestamp)) / Stopwatch.Frequency;
        var longest = children.Max(c => c.Measurement.WallSeconds);
        if (span >= longest * 0.999 && span <= launchWallSeconds)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parallel (processes): runs overlapped for {span:F1} s; {launchWallSeconds:F1} s from launching the children to the last exit (start-up, crypto floor, held-bytes collection)"));
            return span;
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parallel (processes): the children's run times ({span:F1} s span, longest {longest:F1} s) do not fit in the {launchWallSeconds:F1} s from launch to exit (no shared monotonic clock?); using the launch-to-exit time"));
        return launchWallSeconds;
    }
}
