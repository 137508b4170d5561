using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using Spectre.Console;

namespace ResumeSim.Cli;

/// <summary>Runs the experiment with a progress bar when a person is watching a terminal.</summary>
internal static class RunProgress
{
    public static IReadOnlyList<StrategyRunResult> Run(
        IReadOnlyList<ScenarioConfig> points, int threads, Shard shard, bool showProgress, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        var interactive = showProgress && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        if (!interactive)
        {
            return Unwrap(() => ExperimentRunner.Run(points, threads, new Interruptible(null, error, cancel), cancel, shard));
        }

        IReadOnlyList<StrategyRunResult> results = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("simulating", maxValue: 1);
                var progress = new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                });
                results = Unwrap(() => ExperimentRunner.Run(points, threads, new Interruptible(progress, error, cancel), cancel, shard));
                task.Value = task.MaxValue;
            });
        return results;
    }

    // Parallel.For reports a cancellation thrown by a simulation as an AggregateException of them.
    private static IReadOnlyList<StrategyRunResult> Unwrap(Func<IReadOnlyList<StrategyRunResult>> run)
    {
        try
        {
            return run();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new OperationCanceledException("interrupted", ex);
        }
    }

    /// <summary>
    /// Told after each slice of simulated time (on the simulation's own thread): an interruption stops a
    /// simulation there, not only between simulations, which at scale are minutes apart. Slicing the
    /// run does not change it: the engine runs the same events in the same order either way.
    /// </summary>
    private sealed class Interruptible(IProgress<(int Done, int Total)>? inner, TextWriter error, CancellationToken cancel) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            inner?.Report(value);
            TestPause.At(TestPause.Simulation, cancel, error);
            cancel.ThrowIfCancellationRequested();
        }
    }
}
