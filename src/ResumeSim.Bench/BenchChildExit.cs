namespace ResumeSim.Bench;

/// <summary>How a child process of a benchmark ended, as an <see cref="IBenchChildLauncher"/> saw it.</summary>
/// <param name="ExitCode">The child's exit code; anything but 0 is a failure.</param>
/// <param name="StandardOutput">Every line the child wrote to standard output, in order.</param>
/// <param name="StandardErrorTail">The last lines of its standard error (what a failure message quotes).</param>
public sealed record BenchChildExit(int ExitCode, IReadOnlyList<string> StandardOutput, string StandardErrorTail);
