using System.Runtime.CompilerServices;

namespace ResumeSim.Model.Randomness;

/// <summary>
/// Counter-based random numbers: a value is a pure function of (seed, stream, entity, counter), so
/// a client's n-th visit gap is the same whatever else happened first. This is what gives common
/// random numbers across strategies (every strategy sees the same visits) and keeps results
/// independent of event order and thread count, with no generator object per client.
/// </summary>
internal static class CounterRandom
{
    /// <summary>SplitMix64's finalizer: a bijective 64-bit mix with full avalanche.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong seed, ulong stream, ulong entity, ulong counter) =>
        Mix(Mix(Mix(seed ^ (stream * 0x9E3779B97F4A7C15UL)) ^ entity) + (counter * 0xD1B54A32D192ED03UL));

    /// <summary>A double in (0, 1]: never zero, so its logarithm is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double UnitOpen(ulong seed, ulong stream, ulong entity, ulong counter) =>
        ((Hash(seed, stream, entity, counter) >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>An exponential variate with the given rate (inverse CDF).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exponential(double rate, ulong seed, ulong stream, ulong entity, ulong counter) =>
        -Math.Log(UnitOpen(seed, stream, entity, counter)) / rate;
}
