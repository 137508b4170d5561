using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ResumeSim.Engine;

/// <summary>
/// A seeded xoshiro256** generator (Blackman and Vigna, 2018) that is also a <see cref="Random"/>,
/// so MathNet.Numerics distributions (<c>Exponential.Sample(stream, rate)</c>, <c>LogNormal.Sample</c> ...)
/// draw from the engine's reproducible streams.
/// </summary>
/// <remarks>
/// <para>The 256-bit state is filled from the 64-bit seed with SplitMix64, as the xoshiro authors
/// recommend, so nearby seeds give unrelated states. Period 2^256 - 1; passes BigCrush.</para>
/// <para>Every virtual member of <see cref="Random"/> is overridden, so no call falls through to
/// the base class's legacy subtractive generator. Bounded integers use Lemire's multiply-and-reject
/// method: unbiased, and one multiplication in the common case. Doubles use the top 53 bits.</para>
/// <para>Not thread-safe, and not cryptographic: simulated keys and ids only need to be distinct
/// and reproducible.</para>
/// </remarks>
public sealed class RandomStream : Random
{
    /// <summary>The most bytes <see cref="Peek"/> skips, so that they fit on the stack.</summary>
    public const int MaxPeekSkipped = 256;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a stream from a 64-bit seed (see <see cref="RandomStreams.DeriveSeed(ulong, string, long)"/>).</summary>
    public RandomStream(ulong seed)
        : base(0) // any seeded base constructor; the base generator is never used
    {
        Seed = seed;
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The seed this stream started from.</summary>
    public ulong Seed { get; }

    /// <summary>Next 64 uniformly random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong s1 = _s1;
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        _s2 ^= _s0;
        _s3 ^= s1;
        _s1 = s1 ^ _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>); 0 when bound is 0.</summary>
    public ulong NextUInt64(ulong bound)
    {
        ulong high = Math.BigMul(NextUInt64(), bound, out ulong low);
        if (low < bound)
        {
            ulong threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return high;
    }

    /// <inheritdoc/>
    public override int Next()
    {
        while (true)
        {
            int r = (int)(NextUInt64() >> 33);
            if (r != int.MaxValue)
            {
                return r;
            }
        }
    }

    /// <inheritdoc/>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextUInt64((ulong)maxValue);
    }

    /// <inheritdoc/>
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)NextUInt64((ulong)((long)maxValue - minValue)));
    }

    /// <inheritdoc/>
    public override long NextInt64()
    {
        while (true)
        {
            long r = (long)(NextUInt64() >> 1);
            if (r != long.MaxValue)
            {
                return r;
            }
        }
    }

    /// <inheritdoc/>
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)NextUInt64((ulong)maxValue);
    }

    /// <inheritdoc/>
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return unchecked(minValue + (long)NextUInt64((ulong)maxValue - (ulong)minValue));
    }

    /// <inheritdoc/>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc/>
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <inheritdoc/>
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Fill(buffer);
    }

    /// <inheritdoc/>
    public override void NextBytes(Span<byte> buffer) => Fill(buffer);

    /// <summary>Fills <paramref name="destination"/> with random bytes (little-endian words, so identical on every platform).</summary>
    public void Fill(Span<byte> destination)
    {
        while (destination.Length >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination, NextUInt64());
            destination = destination[8..];
        }

        if (!destination.IsEmpty)
        {
            ulong last = NextUInt64();
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = (byte)last;
                last >>= 8;
            }
        }
    }

    /// <summary>
    /// Writes to <paramref name="destination"/> what <see cref="Fill"/> of it would give after one
    /// <see cref="Fill"/> of <paramref name="skipped"/> bytes, and leaves the stream where it was: a
    /// reader of the stream's future, for hints that must change nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="skipped"/> is negative or above 256.</exception>
    public void Peek(int skipped, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skipped);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(skipped, MaxPeekSkipped);
        (ulong s0, ulong s1, ulong s2, ulong s3) = (_s0, _s1, _s2, _s3);
        Fill(stackalloc byte[skipped]);
        Fill(destination);
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>
    /// An exponential variate with the given rate (mean 1/rate), for hot paths such as Poisson
    /// arrivals: a unit variate by the ziggurat method (<see cref="ExponentialZiggurat"/>), which in
    /// 98 draws of 100 takes one 64-bit word and no logarithm, divided by the rate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential(double rate)
    {
        if (!(rate > 0) || double.IsPositiveInfinity(rate))
        {
            ThrowBadRate(rate);
        }

        return ExponentialZiggurat.Next(this) / rate;
    }

    /// <inheritdoc/>
    protected override double Sample() => NextDouble();

    [DoesNotReturn]
    private static void ThrowBadRate(double rate) =>
        throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be positive and finite.");

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
