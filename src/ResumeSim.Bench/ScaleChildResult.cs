namespace ResumeSim.Bench;

/// <summary>
/// What one child process of the scale benchmark measured for its one strategy
/// (<see cref="ScaleBenchmark.RunChild"/>), as carried by <see cref="ScaleChildResultLine"/>.
/// </summary>
/// <param name="Measurement">The run itself; its <c>Mode</c> is set by the parent that launched the child.</param>
/// <param name="PeakRssBytes">The child's peak resident set (Linux: <c>VmHWM</c> of /proc/self/status), read just before it exits.</param>
/// <param name="CryptoFloorPairsPerSecond">Raw ticket seal+open pairs per second measured in the child, before its run.</param>
/// <param name="RunStartTimestamp">
/// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the world started. On Linux this is
/// CLOCK_MONOTONIC, one clock for every process on the machine, so the parent can place the runs
/// of children started together on one time line.
/// </param>
/// <param name="RunEndTimestamp"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the world finished.</param>
public sealed record ScaleChildResult(
    ScaleMeasurement Measurement,
    long PeakRssBytes,
    double CryptoFloorPairsPerSecond,
    long RunStartTimestamp,
    long RunEndTimestamp);
