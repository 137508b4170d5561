using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ResumeSim.Engine;

/// <summary>
/// Simulated time is a <see cref="long"/> count of ticks, 1 tick = 1 nanosecond.
/// </summary>
/// <remarks>
/// Why nanoseconds: the model mixes sub-microsecond quantities (an HMAC over a ticket costs
/// ~0.6 µs, an AES-GCM seal ~1.4 µs, see reference/tooling.md) with hours-long session and ticket
/// lifetimes (RFC 8446 §4.6.1 caps PSK tickets at 7 days). A <see cref="long"/> of nanoseconds
/// spans ±292 years, so nothing a scenario can express overflows, and per-event CPU costs do not
/// round to zero the way they would with 100 ns (.NET <see cref="TimeSpan"/>) ticks.
/// Integer ticks (not <see cref="double"/> seconds) keep event order exact and reproducible.
/// </remarks>
public static class SimTime
{
    /// <summary>Ticks in one second.</summary>
    public const long TicksPerSecond = 1_000_000_000;

    /// <summary>Ticks in one millisecond.</summary>
    public const long TicksPerMillisecond = 1_000_000;

    /// <summary>Ticks in one microsecond.</summary>
    public const long TicksPerMicrosecond = 1_000;

    /// <summary>.NET <see cref="TimeSpan"/> ticks are 100 ns.</summary>
    private const long TicksPerTimeSpanTick = 100;

    /// <summary>Converts seconds to ticks, rounding to the nearest nanosecond.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or outside the range of ticks.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FromSeconds(double s) => FromScaled(s, TicksPerSecond, nameof(s));

    /// <summary>Converts milliseconds to ticks, rounding to the nearest nanosecond.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or outside the range of ticks.</exception>
    public static long FromMilliseconds(double ms) => FromScaled(ms, TicksPerMillisecond, nameof(ms));

    /// <summary>Converts a <see cref="TimeSpan"/> to ticks (exact: 1 TimeSpan tick = 100 ticks).</summary>
    public static long FromTimeSpan(TimeSpan t) => checked(t.Ticks * TicksPerTimeSpanTick);

    /// <summary>Converts ticks to seconds.</summary>
    public static double ToSeconds(long ticks) => ticks / (double)TicksPerSecond;

    /// <summary>Converts ticks to milliseconds.</summary>
    public static double ToMilliseconds(long ticks) => ticks / (double)TicksPerMillisecond;

    /// <summary>Converts ticks to a <see cref="TimeSpan"/>, truncating below 100 ns.</summary>
    public static TimeSpan ToTimeSpan(long ticks) => TimeSpan.FromTicks(ticks / TicksPerTimeSpanTick);

    // Inlined: models convert every drawn delay, and the call cost more than the conversion.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long FromScaled(double value, long scale, string paramName)
    {
        double ticks = Math.Round(value * scale, MidpointRounding.AwayFromZero);
        // 2^63 is exactly representable; anything at or beyond it does not fit in a long.
        if (double.IsNaN(ticks) || ticks >= 9.223372036854775808E18 || ticks < -9.223372036854775808E18)
        {
            ThrowOutOfRange(paramName, value);
        }

        return (long)ticks;
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(string paramName, double value) =>
        throw new ArgumentOutOfRangeException(paramName, value, "Time is NaN or does not fit in 64-bit nanosecond ticks.");
}
