using System.Runtime.InteropServices;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// Pins the calling thread to a set of cores (Linux <c>sched_setaffinity</c> with pid 0, which is the
/// calling thread): <c>calibrate</c> runs the server on the last core and its client on the others,
/// as validation/nginx-cpu pins nginx's worker and its load generator, so that both measure the same
/// thing (a server and client sharing a core cost less: the client's bytes are still in that core's
/// cache and no cross-core wake-up is needed). Does nothing on one core or off Linux.
/// </summary>
internal static class ThreadAffinity
{
    public static bool CanPin => OperatingSystem.IsLinux() && Environment.ProcessorCount > 1 && Environment.ProcessorCount <= 64;

    /// <summary>The core servers run on: the last one.</summary>
    public static int ServerCore => Environment.ProcessorCount - 1;

    /// <summary>Pins the calling thread to the server core; returns its previous mask (0 when not pinned).</summary>
    public static ulong PinToServerCore() => Pin(1UL << ServerCore);

    /// <summary>Pins the calling thread to every core but the server's; returns its previous mask (0 when not pinned).</summary>
    public static ulong PinAwayFromServerCore() => Pin(((1UL << Environment.ProcessorCount) - 1) & ~(1UL << ServerCore));

    /// <summary>Gives the calling thread back the mask <see cref="Pin"/> returned.</summary>
    public static void Restore(ulong previous)
    {
        if (previous != 0)
        {
            sched_setaffinity(0, sizeof(ulong), ref previous);
        }
    }

    private static ulong Pin(ulong mask)
    {
        if (!CanPin)
        {
            return 0;
        }

        ulong previous = 0;
        if (sched_getaffinity(0, sizeof(ulong), ref previous) != 0 || sched_setaffinity(0, sizeof(ulong), ref mask) != 0)
        {
            return 0;
        }

        return previous;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setaffinity(int pid, nint cpusetsize, ref ulong mask);

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_getaffinity(int pid, nint cpusetsize, ref ulong mask);
}
