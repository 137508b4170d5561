namespace ResumeSim.Tls;

/// <summary>
/// Time in the resumption core is a <see cref="long"/> count of nanoseconds since an arbitrary epoch.
/// The simulator passes simulated time; a real server would pass a monotonic or Unix clock in ns.
/// Only differences between two such values are ever used, so the epoch does not matter.
/// </summary>
public static class Nanoseconds
{
    /// <summary>Nanoseconds per millisecond.</summary>
    public const long PerMillisecond = 1_000_000;

    /// <summary>Nanoseconds per second.</summary>
    public const long PerSecond = 1_000_000_000;

    /// <summary>Nanoseconds per hour.</summary>
    public const long PerHour = 3600 * PerSecond;

    /// <summary>Nanoseconds per day.</summary>
    public const long PerDay = 24 * PerHour;

    /// <summary>Whole seconds to nanoseconds.</summary>
    public static long FromSeconds(long seconds) => checked(seconds * PerSecond);

    /// <summary>Nanoseconds to whole seconds, rounded down.</summary>
    public static long ToSeconds(long ns) => ns / PerSecond;
}
