using System.CommandLine;
using ResumeSim.Results;
using ResumeSim.Results.Report;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim report RUN_DIR [RUN_DIR...] [--out FILE.html]</c>: one self-contained HTML page of one
/// or more finished runs (docs/report.md); with two runs, their comparison too. One run's page goes to
/// <c>RUN_DIR/report.html</c> by default, several runs' to <c>report.html</c> in the current folder.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folders = new Argument<string[]>("RUN_DIR") { Description = "Run folders (results/<scenario>/<run-id>).", Arity = ArgumentArity.OneOrMore };
        var outFile = CliOptions.OptionalPath("--out", "The HTML file to write (default: RUN_DIR/report.html for one run, ./report.html for several).");
        var command = new Command("report", "Write a self-contained HTML report of one or more runs (two runs: with their comparison).") { folders, outFile };
        command.SetAction(parsed => Execute(parsed.GetValue(folders)!, parsed.GetValue(outFile), output, error));
        return command;
    }

    private static int Execute(string[] folders, string? outFile, TextWriter output, TextWriter error)
    {
        var path = outFile ?? (folders.Length == 1 ? Path.Combine(folders[0], RunFiles.Report) : RunFiles.Report);
        if (outFile is not null && OutputLocation.CheckFile(outFile) is { } problem)
        {
            error.WriteLine($"error: --out {outFile}: {problem}; nothing was written");
            return ExitCodes.Usage;
        }

        var runs = new List<ReportRun>();
        foreach (var folder in folders)
        {
            if (!TryLoad(folder, error, out var run))
            {
                return ExitCodes.Usage;
            }

            runs.Add(run);
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            RunReport.Write(path, runs);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: could not write the report '{path}' (nothing was written): {IoMessage.Reason(ex)}");
            return ExitCodes.Failed;
        }

        output.WriteLine(path);
        return ExitCodes.Ok;
    }

    /// <summary>Reads a run folder for a report, printing what is wrong (file, line, column) when it cannot.</summary>
    public static bool TryLoad(string folder, TextWriter error, out ReportRun run)
    {
        try
        {
            run = ReportRun.Load(folder);
            return true;
        }
        catch (Exception ex) when (ex is ResultsFormatException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {ex.Message}");
            run = null!;
            return false;
        }
    }
}
