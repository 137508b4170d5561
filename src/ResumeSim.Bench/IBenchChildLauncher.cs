namespace ResumeSim.Bench;

/// <summary>
/// Starts one child process of a benchmark and waits for it: for <c>bench scale</c> one strategy, for
/// <c>bench engine</c> one case. The CLI's launcher re-runs its own executable (<c>bench scale FILE
/// --child NAME</c>, <c>bench engine --child NAME</c>); tests pass a fake.
/// </summary>
public interface IBenchChildLauncher
{
    /// <summary>
    /// Runs the child for <paramref name="name"/> (a strategy or a case) to its end. Each
    /// standard-output line is passed to <paramref name="onOutputLine"/> as it arrives (progress is
    /// forwarded live) and returned again in the result. When <paramref name="cancellationToken"/> fires (another child failed) the child
    /// is killed and the task ends with <see cref="OperationCanceledException"/>. A child that cannot
    /// be started at all is a <see cref="BenchChildFailedException"/>.
    /// </summary>
    Task<BenchChildExit> RunAsync(string name, Action<string> onOutputLine, CancellationToken cancellationToken);
}
