using FsCheck.Xunit;
using ResumeSim.Scenarios.Parsing;

namespace ResumeSim.Scenarios.Tests.Parsing;

/// <summary>Properties that must hold for every value, not only the hand-picked ones.</summary>
public sealed class UnitsPropertyTests
{
    [Property]
    public bool Duration_ShownThenParsed_IsTheSameDuration(uint micros, byte scale)
    {
        // Whole microseconds scaled up to days, so every unit of Show is exercised.
        var span = TimeSpan.FromTicks((long)micros * 10 * (1 + (scale % 4) * 1000));
        return Units.TryParseDuration(Scalars.Show(span), out var parsed) && parsed == span;
    }

    [Property]
    public bool Size_InEveryUnit_IsTheCountTimesA1024Power(ushort count, byte unitIndex)
    {
        string[] units = ["B", "KB", "MB", "GB", "KiB", "MiB", "GiB"];
        long[] factors = [1, 1L << 10, 1L << 20, 1L << 30, 1L << 10, 1L << 20, 1L << 30];
        var i = unitIndex % units.Length;
        return Units.TryParseSize($"{count}{units[i]}", out var bytes, out var hadUnit) && hadUnit && bytes == count * factors[i];
    }

    [Property]
    public bool Rate_PerHour_Is3600TimesSmallerThanPerSecond(ushort count)
    {
        return Units.TryParseRate($"{count}/h", out var perHour) && Units.TryParseRate($"{count}/s", out var perSecond)
            && Math.Abs(perHour * 3600 - perSecond) <= 1e-9 * Math.Max(1, perSecond);
    }
}
