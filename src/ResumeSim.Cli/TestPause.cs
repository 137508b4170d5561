namespace ResumeSim.Cli;

/// <summary>
/// A seam for the interruption tests, which send a signal at a chosen point of a run: with
/// <c>RESUMESIM_TEST_PAUSE=POINT</c> set, the run prints <c>paused at POINT</c> to the error stream
/// when it reaches that point and waits there until it is interrupted. A test that waits for the line
/// and then signals hits the point every time, where a sleep would hit it only usually. Unset (always,
/// outside tests), it does nothing.
/// </summary>
internal static class TestPause
{
    public const string Variable = "RESUMESIM_TEST_PAUSE";

    /// <summary>Before the first simulation starts.</summary>
    public const string BeforeSimulation = "before-simulation";

    /// <summary>Within the first simulation, after its first slice of simulated time.</summary>
    public const string Simulation = "simulation";

    /// <summary>In the temporary run folder, after the tables and charts are written and before run.json.</summary>
    public const string Write = "write";

    /// <summary>After the run folder got its final name.</summary>
    public const string Written = "written";

    private static readonly string? Point = Environment.GetEnvironmentVariable(Variable);

    private static int _paused;

    public static void At(string point, CancellationToken interrupted, TextWriter error)
    {
        if (Point != point || Interlocked.Exchange(ref _paused, 1) == 1)
        {
            return;
        }

        error.WriteLine($"paused at {point}");
        error.Flush();
        interrupted.WaitHandle.WaitOne();
    }
}
