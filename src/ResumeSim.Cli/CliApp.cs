using System.CommandLine;

namespace ResumeSim.Cli;

/// <summary>The composition root of the <c>resumesim</c> command.</summary>
internal static class CliApp
{
    /// <summary>Set to 1 to see the stack trace of an unexpected error after its one-line message.</summary>
    public const string DebugVariable = "RESUMESIM_DEBUG";

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Parses and runs a command line, writing to the given streams (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // Every command turns the errors it expects into a message of its own; this is the last resort
        // for the ones it does not, so that a user sees one line and an exit code, never a stack trace.
        try
        {
            return ParseAndInvoke(args, output, error);
        }
        catch (Exception ex)
        {
            WriteUnexpected(ex, error);
            return ExitCodes.Failed;
        }
    }

    /// <summary>One line for an exception nothing else handled, and its stack trace when debugging.</summary>
    public static void WriteUnexpected(Exception ex, TextWriter error)
    {
        // Parallel simulations fail together, each with the same exception: the first says it.
        var inner = ex is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : ex;
        var message = IoMessage.Reason(inner);
        error.WriteLine(inner switch
        {
            _ when IoMessage.IsIo(inner) => $"error: {message}",
            OutOfMemoryException => "error: out of memory: the run needs more memory than this process could get; use fewer --threads or a smaller scenario",
            _ => $"error: unexpected {inner.GetType().Name}: {message} (set {DebugVariable}=1 for details)",
        });
        if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
        {
            error.WriteLine(ex.ToString());
        }
    }

    private static int ParseAndInvoke(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ResumeSim: a discrete-event simulator of TLS session-resumption strategies at scale.");
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(ValidateCommand.Create(output, error));
        root.Subcommands.Add(BenchCommand.Create(output));
        root.Subcommands.Add(CheckModelCommand.Create(output, error));
        root.Subcommands.Add(PlotCommand.Create(output, error));
        root.Subcommands.Add(MergeCommand.Create(output, error));
        root.Subcommands.Add(CalibrateCommand.Create(output, error));
        root.Subcommands.Add(ImportNginxCommand.Create(output, error));
        root.Subcommands.Add(ReportCommand.Create(output, error));
        root.Subcommands.Add(CompareCommand.Create(output, error));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"resumesim: {parseError.Message}");
            }

            error.WriteLine("Try 'resumesim --help'.");
            return ExitCodes.Usage;
        }

        if (parsed.CommandResult.Command == root && parsed.Action is null)
        {
            error.WriteLine("resumesim: a command is required (run, validate, plot, bench). Try 'resumesim --help'.");
            return ExitCodes.Usage;
        }

        // The library's own handler would print the stack trace; signals are handled by the commands
        // that write files (RunInterruption), not by the library's cancellation.
        return parsed.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        });
    }
}
