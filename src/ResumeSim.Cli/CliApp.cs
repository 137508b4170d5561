using System.CommandLine;

namespace ResumeSim.Cli;

/// <summary>The composition root of the <c>resumesim</c> command.</summary>
internal static class CliApp
{
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Parses and runs a command line, writing to the given streams (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
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

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
