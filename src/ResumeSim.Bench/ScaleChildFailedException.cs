namespace ResumeSim.Bench;

/// <summary>
/// A child process of the scale or engine benchmark failed: it could not start, exited with a non-zero
/// code, or did not print exactly one well-formed result line. The message names the strategy (or the
/// engine benchmark's case) and quotes the
/// end of the child's standard error, so the cause is visible without re-running it.
/// </summary>
public sealed class ScaleChildFailedException : Exception
{
    public ScaleChildFailedException()
    {
        Strategy = string.Empty;
        StandardErrorTail = string.Empty;
    }

    public ScaleChildFailedException(string message)
        : base(message)
    {
        Strategy = string.Empty;
        StandardErrorTail = string.Empty;
    }

    public ScaleChildFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Strategy = string.Empty;
        StandardErrorTail = string.Empty;
    }

    public ScaleChildFailedException(string strategy, string reason, string standardErrorTail, Exception? innerException = null)
        : base(Describe(strategy, reason, standardErrorTail), innerException)
    {
        Strategy = strategy;
        StandardErrorTail = standardErrorTail;
    }

    /// <summary>The strategy (or engine benchmark case) the child was running.</summary>
    public string Strategy { get; }

    /// <summary>The last lines of the child's standard error (may be empty).</summary>
    public string StandardErrorTail { get; }

    private static string Describe(string strategy, string reason, string standardErrorTail)
    {
        var tail = string.IsNullOrWhiteSpace(standardErrorTail)
            ? " (its standard error was empty)"
            : $"; its standard error ended with:{Environment.NewLine}{standardErrorTail.TrimEnd()}";
        return $"the child process running '{strategy}' failed: {reason}{tail}";
    }
}
