namespace ResumeSim.Tls.Tests;

internal static class Times
{
    public const long Second = Nanoseconds.PerSecond;
    public const long Minute = 60 * Second;
    public const long Hour = Nanoseconds.PerHour;
    public const long Day = Nanoseconds.PerDay;
}
