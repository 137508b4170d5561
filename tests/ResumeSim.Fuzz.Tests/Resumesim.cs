using System.Diagnostics;
using System.Text;

namespace ResumeSim.Fuzz.Tests;

/// <summary>What one child <c>resumesim</c> process did.</summary>
internal sealed record ChildOutcome(int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Wall);

/// <summary>
/// Starts the built <c>resumesim.dll</c> as a child process under a time limit and a GC heap limit,
/// with no standard input, as a planner's shell would.
/// </summary>
internal static class Resumesim
{
    /// <summary>The most a case may take; every case is expected to end in well under a second or two.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(40);

    /// <summary>GC heap limit of each child (768 MiB): a run the validator let through must fit.</summary>
    public const string HeapLimitHex = "0x30000000";

    // Console output kept per stream; a case that floods the console is cut here, not held whole.
    private const int OutputCap = 1 << 20;

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "resumesim.dll");

    public static async Task<ChildOutcome> RunAsync(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(host) ? "dotnet" : host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimitHex;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("RESUMESIM_DEBUG");

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = ReadCappedAsync(process.StandardOutput);
        var stderr = ReadCappedAsync(process.StandardError);
        using var timeout = new CancellationTokenSource(TimeLimit);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new ChildOutcome(process.ExitCode, await stdout, await stderr, timedOut, clock.Elapsed);
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            if (kept.Length < OutputCap)
            {
                kept.Append(buffer, 0, Math.Min(read, OutputCap - kept.Length));
            }
        }

        return kept.ToString();
    }
}
