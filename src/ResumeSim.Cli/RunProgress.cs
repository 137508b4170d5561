using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using Spectre.Console;

namespace ResumeSim.Cli;

/// <summary>Runs the experiment with a progress bar when a person is watching a terminal.</summary>
internal static class RunProgress
{
    public static IReadOnlyList<StrategyRunResult> Run(
        IReadOnlyList<ScenarioConfig> points, int threads, Shard shard, bool showProgress, TextWriter output, CancellationToken cancel)
    {
        var interactive = showProgress && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        if (!interactive)
        {
            return ExperimentRunner.Run(points, threads, null, cancel, shard);
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
                results = ExperimentRunner.Run(points, threads, progress, cancel, shard);
                task.Value = task.MaxValue;
            });
        return results;
    }
}
