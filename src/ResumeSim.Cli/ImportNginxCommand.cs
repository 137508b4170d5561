using System.CommandLine;
using System.Globalization;
using System.Text;
using ResumeSim.Cli.Import;
using ResumeSim.Model.Arrivals;
using ResumeSim.Model.World;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim import-nginx ACCESS_LOG --out DIR</c>: turns an nginx access log written with
/// <see cref="NginxLogReader.LogFormat"/> into a replayable trace (<c>trace.csv</c>, one visit per
/// TLS connection) and what nginx observed (<c>observed.csv</c>, one row per connection with its
/// session ID and whether it resumed), and prints the observed resumption rate. A bad line stops
/// the import before anything is written (exit 2).
/// </summary>
internal static class ImportNginxCommand
{
    public const string ObservedHeader = "time_s,client,host,session_id,reused";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var log = new Argument<string>("ACCESS_LOG") { Description = $"nginx access log written with log_format '{NginxLogReader.LogFormat}'." };
        var outDir = CliOptions.OptionalPath("--out", "Folder to write trace.csv and observed.csv into.", required: true);
        var command = new Command("import-nginx", "Turn an nginx access log into a trace and the observed resumption per connection.") { log, outDir };
        command.SetAction(parsed => Execute(parsed.GetValue(log)!, parsed.GetValue(outDir)!, output, error));
        return command;
    }

    private static int Execute(string logPath, string outDir, TextWriter output, TextWriter error)
    {
        // First, so that a signal during the read or the write ends here, not with a half-written file.
        using var interruption = new RunInterruption();
        if (!File.Exists(logPath))
        {
            error.WriteLine($"error: {logPath}: access log not found");
            return ExitCodes.Usage;
        }

        // A pipe or a device has the size 0, as an empty log does: neither is opened, since opening a
        // pipe waits for a writer and a device may never end.
        if (new FileInfo(logPath).Length == 0)
        {
            error.WriteLine($"error: {logPath}:1: the log holds no TLS connection: it is empty, or a pipe or a device (which are not read); expected a file of lines written with log_format resumesim '{NginxLogReader.LogFormat}'");
            return ExitCodes.Usage;
        }

        if (OutputLocation.CheckFolder(outDir) is { } problem)
        {
            error.WriteLine($"error: --out {outDir}: {problem}; nothing was read");
            return ExitCodes.Usage;
        }

        var errors = new List<string>();
        List<NginxConnection> connections;
        int skipped;
        try
        {
            using var reader = new StrictUtf8Lines(File.OpenRead(logPath), interruption.Token);
            connections = NginxLogReader.Read(reader, errors, out skipped);
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine($"error: {logPath}:{ex.Message}");
            error.WriteLine("nothing written");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (IoMessage.IsIo(ex))
        {
            error.WriteLine($"error: {logPath}: cannot read the access log: {IoMessage.Reason(ex)}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (interruption.Interrupted)
        {
            return interruption.NothingWritten(error);
        }

        if (errors.Count > 0)
        {
            foreach (var line in errors)
            {
                error.WriteLine($"error: {logPath}:{line}");
            }

            error.WriteLine("nothing written");
            return ExitCodes.Usage;
        }

        // nginx writes a line when a request ends, so lines of overlapping connections can be out
        // of order; the trace is in time order (stable, so equal times keep file order). It starts at
        // the whole second before the first connection, so that the trace's whole seconds are those of
        // nginx's clock, which its session timeouts count (ExpiryRule.NginxWholeSeconds).
        var ordered = connections.OrderBy(c => c.Msec).ToList();
        var start = decimal.Floor(ordered[0].Msec);
        var trace = new StringBuilder(TraceArrivals.Header).Append('\n');
        var observed = new StringBuilder(ObservedHeader).Append('\n');
        foreach (var c in ordered)
        {
            var time = (c.Msec - start).ToString("0.#########", CultureInfo.InvariantCulture);
            var (client, host) = (TraceCsv.Field(c.Client), TraceCsv.Field(c.Host));
            trace.Append(CultureInfo.InvariantCulture, $"{time},{client},{host}\n");
            observed.Append(CultureInfo.InvariantCulture, $"{time},{client},{host},{TraceCsv.Field(c.SessionId)},{(c.Reused ? 'r' : '.')}\n");
        }

        var tracePath = Path.Combine(outDir, "trace.csv");
        var observedPath = Path.Combine(outDir, "observed.csv");
        try
        {
            OutputFiles.WriteTogether([(tracePath, trace.ToString()), (observedPath, observed.ToString())], interruption.Token);
        }
        catch (OperationCanceledException) when (interruption.Interrupted)
        {
            return interruption.NothingWritten(error);
        }
        catch (Exception ex) when (IoMessage.IsIo(ex))
        {
            error.WriteLine($"error: could not write into '{outDir}' (nothing was written): {IoMessage.Reason(ex)}");
            return ExitCodes.Failed;
        }

        var resumed = ordered.Count(c => c.Reused);
        var clients = ordered.Select(c => c.Client).Distinct().Count();
        var hosts = ordered.Select(c => c.Host).Distinct().Count();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{logPath}: {ordered.Count} connections ({skipped} later requests on kept-alive connections skipped), {clients} clients, {hosts} host(s), {SpanSeconds(ordered):0.###} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"observed resumption rate: {(double)resumed / ordered.Count:0.0000} ({resumed} of {ordered.Count} connections resumed)"));
        output.WriteLine($"wrote {tracePath} and {observedPath}");
        return ExitCodes.Ok;
    }

    private static decimal SpanSeconds(List<NginxConnection> ordered) => ordered[^1].Msec - ordered[0].Msec;
}
