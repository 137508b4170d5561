namespace ResumeSim.Bench;

/// <summary>How a child process of a benchmark ended, as an <see cref="IBenchChildLauncher"/> saw it.</summary>
/// <param name="ExitCode">The child's exit code; anything but 0 is a failure.</param>
/// <param name="StandardOutput">Every line the child wrote to standard output, in order.</param>
/// <param name="StandardErrorTail">The last lines of its standard error (what a failure message quotes).</param>
public sealed record BenchChildExit(int ExitCode, IReadOnlyList<string> StandardOutput, string StandardErrorTail)
{
    /// <summary>
    /// The one result line of a child that exited cleanly, parsed: the line of its output that starts with
    /// <paramref name="prefix"/>. A non-zero exit, no such line or several, or a line that
    /// <paramref name="parse"/> refuses with a <see cref="FormatException"/> is a
    /// <see cref="BenchChildFailedException"/> naming <paramref name="child"/>.
    /// </summary>
    public T ReadResult<T>(string child, string prefix, Func<string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (ExitCode != 0)
        {
            throw new BenchChildFailedException(child, $"it exited with code {ExitCode}", StandardErrorTail);
        }

        var lines = StandardOutput.Where(line => KeyValueResultLine.HasPrefix(line, prefix)).ToList();
        if (lines.Count != 1)
        {
            throw new BenchChildFailedException(child, $"it printed {lines.Count} result lines ('{prefix} ...'), expected exactly one", StandardErrorTail);
        }

        try
        {
            return parse(lines[0]);
        }
        catch (FormatException ex)
        {
            throw new BenchChildFailedException(child, ex.Message, StandardErrorTail, ex);
        }
    }
}
