namespace ResumeSim.Bench;

/// <summary>
/// A child process of a benchmark (<c>bench scale</c>, <c>bench engine</c>) failed: it could not start,
/// exited with a non-zero code, or did not print exactly one well-formed result line. The message names
/// what the child ran (a strategy, or an engine benchmark case) and quotes the end of its standard
/// error, so the cause is visible without re-running it.
/// </summary>
public sealed class BenchChildFailedException : Exception
{
    public BenchChildFailedException()
    {
        Child = string.Empty;
        StandardErrorTail = string.Empty;
    }

    public BenchChildFailedException(string message)
        : base(message)
    {
        Child = string.Empty;
        StandardErrorTail = string.Empty;
    }

    public BenchChildFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Child = string.Empty;
        StandardErrorTail = string.Empty;
    }

    public BenchChildFailedException(string child, string reason, string standardErrorTail, Exception? innerException = null)
        : base(Describe(child, reason, standardErrorTail), innerException)
    {
        Child = child;
        StandardErrorTail = standardErrorTail;
    }

    /// <summary>What the child ran: a strategy (<c>bench scale</c>) or a case (<c>bench engine</c>).</summary>
    public string Child { get; }

    /// <summary>The last lines of the child's standard error (may be empty).</summary>
    public string StandardErrorTail { get; }

    private static string Describe(string child, string reason, string standardErrorTail)
    {
        var tail = string.IsNullOrWhiteSpace(standardErrorTail)
            ? " (its standard error was empty)"
            : $"; its standard error ended with:{Environment.NewLine}{standardErrorTail.TrimEnd()}";
        return $"the child process running '{child}' failed: {reason}{tail}";
    }
}
