using System.Text.RegularExpressions;

namespace ResumeSim.Fuzz.Tests;

/// <summary>What was wrong with one case's outcome: nothing, or the first rule it broke.</summary>
internal static partial class Verdict
{
    /// <summary>The kinds of failure the corpus counts, worst first.</summary>
    public const string Hang = "hang";
    public const string Crash = "crash";
    public const string StackTrace = "stack trace";
    public const string WrongExit = "wrong exit code";
    public const string LeftBehind = "output left behind";
    public const string Leak = "secret echoed";
    public const string Silent = "error without a message";

    public static (string Kind, string Detail)? Judge(FuzzCase fuzzCase, CaseFolder folder, ChildOutcome outcome)
    {
        var console = outcome.Stdout + "\n" + outcome.Stderr;
        if (outcome.TimedOut)
        {
            return (Hang, $"still running after {Resumesim.TimeLimit.TotalSeconds:0} s");
        }

        // 128 + signal: the runtime aborted (134), ran out of stack (134), or was killed (137, 139).
        if (outcome.ExitCode >= 128 || outcome.ExitCode < 0)
        {
            return (Crash, $"exit {outcome.ExitCode}: {FirstLines(outcome.Stderr)}");
        }

        if (StackFrame().IsMatch(console) || console.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            return (StackTrace, FirstLines(console));
        }

        if (!fuzzCase.Exit.Contains(outcome.ExitCode))
        {
            return (WrongExit, $"exit {outcome.ExitCode}, expected {string.Join(" or ", fuzzCase.Exit)}: {FirstLines(console)}");
        }

        if (fuzzCase.Secret is { } secret && console.Contains(secret, StringComparison.Ordinal))
        {
            return (Leak, FirstLines(console));
        }

        if (outcome.ExitCode != 0 && string.IsNullOrWhiteSpace(outcome.Stderr))
        {
            return (Silent, $"exit {outcome.ExitCode} and nothing on standard error");
        }

        var left = LeftBehind_(folder, outcome.ExitCode);
        return left is null ? null : (LeftBehind, left);
    }

    private static string? LeftBehind_(CaseFolder folder, int exitCode)
    {
        var written = Directory.EnumerateFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories)
            .Where(p => !folder.Inputs.Contains(p))
            .ToList();
        var temporary = written.FirstOrDefault(p => p.EndsWith(".tmp", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith(".", StringComparison.Ordinal));
        if (temporary is not null)
        {
            return $"temporary {Path.GetRelativePath(folder.Path, temporary)}";
        }

        // A refused command writes nothing: not under --out, not beside its inputs.
        var file = written.FirstOrDefault(File.Exists);
        if (exitCode != 0 && file is not null)
        {
            return $"exit {exitCode} but wrote {Path.GetRelativePath(folder.Path, file)}";
        }

        return null;
    }

    private static string FirstLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3);
        var joined = string.Join(" | ", lines);
        return joined.Length > 300 ? joined[..300] + "..." : joined;
    }

    [GeneratedRegex(@"^\s+at [\w.`<>$|]+[.(]", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
