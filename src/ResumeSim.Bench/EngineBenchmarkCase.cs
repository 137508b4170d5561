namespace ResumeSim.Bench;

/// <summary>
/// One measurement of the engine benchmark: the hold model on one queue at one population, or the
/// M/M/8 model on one queue, on <c>Simulation</c> or as the direct loop. <c>bench engine</c> runs each
/// in a child process of its own (<c>--child NAME</c>), so no measurement runs on code the JIT
/// compiled for another: the queue and handler calls are interface calls, and tiered PGO turns them
/// into direct, inlined calls for the one class it saw in the process, which must be the class measured.
/// </summary>
/// <param name="Model"><see cref="HoldModel"/> or <see cref="MmcModel"/>.</param>
/// <param name="Queue">The queue's name (for the hold model also <c>Simulation</c> and <c>PriorityQueue</c>).</param>
/// <param name="Pending">The hold model's population (0 for M/M/8).</param>
/// <param name="OnSimulation">M/M/8 on <c>Simulation</c> (true) or as the direct loop (false); true for the hold model.</param>
public sealed record EngineBenchmarkCase(string Model, string Queue, int Pending, bool OnSimulation)
{
    /// <summary>The hold model's name in a case name.</summary>
    public const string HoldModel = "hold";

    /// <summary>The M/M/8 model's name in a case name.</summary>
    public const string MmcModel = "mmc";

    /// <summary>The queues the hold model is measured on, in report order.</summary>
    public static readonly IReadOnlyList<string> HoldQueues =
        ["Simulation", "BucketQueue", "CalendarQueue", "QuaternaryHeap", "BinaryHeap", "PriorityQueue"];

    /// <summary>The queues M/M/8 can run on.</summary>
    public static readonly IReadOnlyList<string> MmcQueues = ["BucketQueue", "CalendarQueue", "QuaternaryHeap", "BinaryHeap"];

    /// <summary>The hold model on <paramref name="queue"/> with <paramref name="pending"/> events.</summary>
    public static EngineBenchmarkCase Hold(string queue, int pending) => new(HoldModel, queue, pending, OnSimulation: true);

    /// <summary>M/M/8 on <paramref name="queue"/>, on Simulation or as the direct loop.</summary>
    public static EngineBenchmarkCase Mmc(string queue, bool onSimulation) => new(MmcModel, queue, 0, onSimulation);

    /// <summary><c>hold/QUEUE/PENDING</c> or <c>mmc/QUEUE/simulation|direct</c>.</summary>
    public string Name => Model == HoldModel
        ? $"{HoldModel}/{Queue}/{Pending}"
        : $"{MmcModel}/{Queue}/{(OnSimulation ? "simulation" : "direct")}";

    /// <summary>Reads a <see cref="Name"/>.</summary>
    /// <exception cref="FormatException">Not a case name; the message gives the expected forms.</exception>
    public static EngineBenchmarkCase Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('/');
        if (parts.Length == 3 && parts[0] == HoldModel && HoldQueues.Contains(parts[1])
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pending)
            && pending >= 1)
        {
            return Hold(parts[1], pending);
        }

        if (parts.Length == 3 && parts[0] == MmcModel && MmcQueues.Contains(parts[1]) && parts[2] is "simulation" or "direct")
        {
            return Mmc(parts[1], parts[2] == "simulation");
        }

        throw new FormatException(
            $"'{name}' is not an engine benchmark case: expected hold/QUEUE/PENDING with QUEUE one of {string.Join(", ", HoldQueues)} " +
            $"and PENDING a positive whole number, or mmc/QUEUE/simulation|direct with QUEUE one of {string.Join(", ", MmcQueues)}");
    }
}
