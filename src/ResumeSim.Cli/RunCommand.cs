using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ResumeSim.Charts;
using ResumeSim.Model.Runs;
using ResumeSim.Results;
using ResumeSim.Results.Report;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim run FILE</c>: runs every strategy (x sweep point x replication) of a scenario and
/// writes <c>&lt;out&gt;/&lt;name&gt;/&lt;run-id&gt;/</c> atomically.
/// </summary>
internal static class RunCommand
{
    // The scenario format's own limit on replications (docs/scenarios.md).
    private const int MaxReplications = 1000;

    // Each simulation at once holds its own world in memory; beyond this many the machine runs out of
    // memory long before it runs out of cores.
    private const int MaxThreads = 1024;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario YAML file." };
        var outDir = CliOptions.Path("--out", "Folder under which results are written.", "results");
        var seed = CliOptions.OptionalUInt64("--seed", "Overrides the scenario's seed.");
        var replications = CliOptions.OptionalInt("--replications", "Overrides the scenario's replications (1..1000).", 1, MaxReplications);
        var threads = CliOptions.Int("--threads", "Simulations run at once (0 = one per core).", 0, MaxThreads, 0);
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar and no summary table; print only the result folder." };
        var noCharts = new Option<bool>("--no-charts") { Description = "Draw no charts (output.charts is ignored); the tables and report.html are written as always." };
        var metric = new Option<string>("--metric")
        {
            Description = "With a sweep, the summary.csv column the console table shows (sweep points x strategies).",
            DefaultValueFactory = _ => SummaryTable.DefaultSweepMetric,
        };
        metric.Validators.Add(r =>
        {
            if (r.GetValue(metric) is { } name && !SummaryMetrics.Names.Contains(name))
            {
                r.AddError($"--metric: {CliOptions.Echo(name)} is not a summary.csv metric; one of: {string.Join(", ", SummaryMetrics.Names)}");
            }
        });
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N of the runs (K/N); combine the shards with 'resumesim merge'." };
        shard.Validators.Add(r =>
        {
            if (r.GetValue(shard) is { } text && !Shard.TryParse(text, out _, out var problem))
            {
                r.AddError($"--shard: {problem}");
            }
        });
        var command = new Command("run", "Run a scenario and write its result tables.") { file, outDir, seed, replications, threads, quiet, noCharts, shard, metric };
        command.SetAction(parsed => Execute(
            new RunRequest(
                parsed.GetValue(file)!,
                parsed.GetValue(outDir)!,
                new ScenarioOverrides(parsed.GetValue(seed), parsed.GetValue(replications)),
                parsed.GetValue(threads),
                parsed.GetValue(quiet),
                parsed.GetValue(shard) is { } text && Shard.TryParse(text, out var slice, out _) ? slice : Shard.All,
                string.Join(' ', ["resumesim", .. parsed.Tokens.Select(t => t.Value)]),
                parsed.GetValue(metric)!,
                parsed.GetValue(noCharts)),
            output,
            error));
        return command;
    }

    private static int Execute(RunRequest request, TextWriter output, TextWriter error)
    {
        // First, so that a signal from here on ends the run through the checks below.
        using var interruption = new RunInterruption();
        if (!ScenarioInput.TryLoad(request.File, request.Overrides, error, out var plan))
        {
            return ExitCodes.Usage;
        }

        var runs = ExperimentRunner.CountRuns(plan.Points.Select(p => p.Config).ToList());
        if (request.Shard.Number > runs)
        {
            error.WriteLine($"error: --shard {request.Shard}: the scenario has only {runs} runs (sweep points x strategies x replications), so this shard would be empty");
            return ExitCodes.Usage;
        }

        // Before the simulation, not after it: a run that cannot be written is not worth running.
        var scenarioFolder = Path.Combine(request.OutDir, plan.Base.Name);
        if (OutputLocation.CheckFolder(scenarioFolder) is { } problem)
        {
            error.WriteLine($"error: --out {request.OutDir}: {problem}; nothing was run");
            return ExitCodes.Usage;
        }

        foreach (var note in StaleRunFolders.Clean(scenarioFolder))
        {
            error.WriteLine($"note: {note}");
        }

        // Drawing the charts is most of a small run's time (ScottPlot and SkiaSharp load, render and
        // encode twenty images), so --no-charts skips them, and their assemblies are then never loaded.
        IReadOnlyList<string> charts = request.NoCharts ? [] : PlotCommand.Requested(plan.Base.Output.Charts);
        if (charts.Count > 0 && !ChartsCanDraw(error))
        {
            return ExitCodes.Failed;
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var points = plan.Points.Select(p => p.Config).ToList();
        IReadOnlyList<StrategyRunResult> results;
        try
        {
            TestPause.At(TestPause.BeforeSimulation, interruption.Token, error);
            interruption.Token.ThrowIfCancellationRequested();
            results = RunProgress.Run(points, request.Threads, request.Shard, showProgress: !request.Quiet, output, error, interruption.Token);
        }
        catch (OperationCanceledException) when (interruption.Interrupted)
        {
            return interruption.NothingWritten(error);
        }

        var config = plan.Base;
        var runOutput = ResultTables.Build(plan, results, started, clock.Elapsed, request.CommandLine,
            request.Shard == Shard.All ? null : new RunShard(request.Shard.Number, request.Shard.Count));
        string folder;
        IReadOnlyList<SkippedChart> skippedCharts = [];
        try
        {
            folder = RunWriter.Write(request.OutDir, config.Name, attempt => RunId(started, config.Seed, attempt, request.Shard), runOutput,
                (temp, runId) =>
                {
                    List<string> files = [.. charts.Count > 0 ? DrawCharts(runOutput, temp, charts, out skippedCharts) : [], WriteReport(temp, runId, runOutput)];
                    TestPause.At(TestPause.Write, interruption.Token, error);
                    return files;
                },
                interruption.Token);
        }
        catch (OperationCanceledException) when (interruption.Interrupted)
        {
            return interruption.NothingWritten(error);
        }
        catch (Exception ex) when (IoMessage.IsIo(ex))
        {
            error.WriteLine($"error: could not write results under '{request.OutDir}' (nothing was written): {IoMessage.Reason(ex)}");
            return ExitCodes.Failed;
        }

        TestPause.At(TestPause.Written, interruption.Token, error);
        if (interruption.Interrupted)
        {
            return interruption.AfterWrite(error, folder);
        }

        if (request.Quiet)
        {
            output.WriteLine(folder);
        }
        else
        {
            SummaryTable.Write(output, plan, runOutput.Summary, request.Metric);
            SteadyStateConsole.WriteFound(output, plan, results);
            PlotCommand.ReportSkipped(skippedCharts, output);
            var simulations = results.Sum(r => r.SteadyState.Auto is null ? 1 : 2);
            output.WriteLine($"{simulations} simulations in {clock.Elapsed.TotalSeconds:F1} s; results in {folder}");
            output.WriteLine($"report: {Path.Combine(folder, RunFiles.Report)}");
        }

        // Warnings go to the error stream, so --quiet and a redirected table still show them.
        WarmupShortfall.WriteWarnings(error, plan, results);
        SteadyStateConsole.WriteWarnings(error, plan, results);

        return interruption.Interrupted ? interruption.AfterWrite(error, folder) : ExitCodes.Ok;
    }

    /// <summary>Whether a chart font exists; checked before the simulation, not after it, because charts are part of the run folder.</summary>
    private static bool ChartsCanDraw(TextWriter error)
    {
        try
        {
            ChartFonts.EnsureAvailable();
            return true;
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return false;
        }
    }

    private static IReadOnlyList<string> DrawCharts(RunOutput runOutput, string temp, IReadOnlyList<string> charts, out IReadOnlyList<SkippedChart> skipped) =>
        RunCharts.Draw(runOutput, Path.Combine(temp, "charts"), charts, ChartFormat.Both, out skipped);

    /// <summary>
    /// The run id of the <paramref name="attempt"/>-th try: the start time and seed, then <c>-2</c>, <c>-3</c>, ...
    /// when a run of the same scenario and seed started in the same second, and a shard's suffix last
    /// (merge finds shards by it).
    /// </summary>
    internal static string RunId(DateTimeOffset started, ulong seed, int attempt, Shard shard) =>
        RunWriter.NewRunId(started, seed)
        + (attempt > 1 ? string.Create(CultureInfo.InvariantCulture, $"-{attempt}") : "")
        + (shard != Shard.All ? $"-shard{shard.Number}of{shard.Count}" : "");

    /// <summary>The run's report.html, written into the temporary run folder so it is part of the atomic write.</summary>
    private static string WriteReport(string temp, string runId, RunOutput runOutput)
    {
        var path = Path.Combine(temp, RunFiles.Report);
        RunReport.Write(path, [ReportRun.FromOutput(runId, runOutput)]);
        return path;
    }

    private sealed record RunRequest(string File, string OutDir, ScenarioOverrides Overrides, int Threads, bool Quiet, Shard Shard, string CommandLine, string Metric, bool NoCharts);
}
