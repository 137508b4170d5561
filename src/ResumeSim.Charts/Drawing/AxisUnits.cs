namespace ResumeSim.Charts.Drawing;

/// <summary>Scales for axes whose natural unit depends on the data (time spans, byte counts).</summary>
internal static class AxisUnits
{
    /// <summary>Seconds, minutes or hours so a run's time axis reads in round numbers.</summary>
    public static (double Divisor, string Name) Time(double maxSeconds) =>
        maxSeconds > 3 * 3600 ? (3600, "h") : maxSeconds > 20 * 60 ? (60, "min") : (1, "s");

    /// <summary>
    /// Bytes in B, KiB, MiB or GiB: 1024-based like the scenario's sizes (<c>10MB</c> is 10 x 1024 x 1024
    /// bytes, as nginx reads <c>shared:SSL:10m</c>), written with the unambiguous binary prefixes.
    /// </summary>
    public static (double Divisor, string Name) Bytes(double maxBytes) =>
        maxBytes >= 1L << 30 ? (1L << 30, "GiB") : maxBytes >= 1 << 20 ? (1 << 20, "MiB") : maxBytes >= 1 << 10 ? (1 << 10, "KiB") : (1, "B");
}
