namespace ResumeSim.Bench;

/// <summary>
/// Starts one child process of the scale benchmark for one strategy and waits for it. The CLI's
/// launcher re-runs its own executable (<c>bench scale FILE --child NAME</c>); tests pass a fake.
/// </summary>
public interface IScaleChildLauncher
{
    /// <summary>
    /// Runs the child for <paramref name="strategy"/> to its end. Each standard-output line is passed
    /// to <paramref name="onOutputLine"/> as it arrives (progress is forwarded live) and returned again
    /// in the result. When <paramref name="cancellationToken"/> fires (another child failed) the child
    /// is killed and the task ends with <see cref="OperationCanceledException"/>. A child that cannot
    /// be started at all is a <see cref="ScaleChildFailedException"/>.
    /// </summary>
    Task<ScaleChildExit> RunAsync(string strategy, Action<string> onOutputLine, CancellationToken cancellationToken);
}
