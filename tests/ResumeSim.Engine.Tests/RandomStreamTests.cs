using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

public sealed class RandomStreamTests
{
    [Fact]
    public void NextUInt64_SameSeed_SameSequence_DifferentSeed_Different()
    {
        var a = new RandomStream(123);
        var b = new RandomStream(123);
        var c = new RandomStream(124);
        int differences = 0;
        for (int i = 0; i < 1000; i++)
        {
            ulong x = a.NextUInt64();
            Assert.Equal(x, b.NextUInt64());
            differences += x != c.NextUInt64() ? 1 : 0;
        }

        Assert.Equal(1000, differences);
    }

    [Fact]
    public void NextUInt64_IsXoshiro256StarStarSeededBySplitMix64()
    {
        // Pins the generator: reference values of xoshiro256** whose state is filled with
        // SplitMix64(seed = 0), computed independently from the published algorithms.
        var rng = new RandomStream(0);
        Assert.Equal(Reference(0, 3), new[] { rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64() });
    }

    [Fact]
    public void NextDouble_MeanAndVarianceOfUniform()
    {
        var rng = new RandomStream(1);
        const int n = 400_000;
        double sum = 0, sumSq = 0, min = 1, max = 0;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            sum += u;
            sumSq += u * u;
            min = Math.Min(min, u);
            max = Math.Max(max, u);
        }

        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        // Standard error of the mean is sqrt(1/12/n) = 4.6e-4; 5 sigma.
        Assert.InRange(mean, 0.5 - 0.0023, 0.5 + 0.0023);
        Assert.InRange(variance, 1.0 / 12 - 0.001, 1.0 / 12 + 0.001);
        Assert.True(min >= 0 && max < 1);
    }

    [Fact]
    public void Next_Bounded_IsUniformByChiSquare()
    {
        var rng = new RandomStream(2);
        const int bins = 10;
        const int n = 100_000;
        var counts = new int[bins];
        for (int i = 0; i < n; i++)
        {
            counts[rng.Next(bins)]++;
        }

        double chi2 = counts.Sum(c => (c - n / (double)bins) * (c - n / (double)bins) / (n / (double)bins));
        // 99.9% quantile of chi-square with 9 degrees of freedom.
        Assert.True(chi2 < MathNet.Numerics.Distributions.ChiSquared.InvCDF(bins - 1, 0.999), $"chi2 = {chi2}");
    }

    [Fact]
    public void BoundedMethods_StayInRange_IncludingExtremes()
    {
        var rng = new RandomStream(3);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.InRange(rng.Next(), 0, int.MaxValue - 1);
            Assert.InRange(rng.Next(-5, 5), -5, 4);
            Assert.InRange(rng.Next(int.MinValue, int.MaxValue), int.MinValue, int.MaxValue - 1);
            Assert.InRange(rng.NextInt64(), 0, long.MaxValue - 1);
            Assert.InRange(rng.NextInt64(long.MinValue, long.MaxValue), long.MinValue, long.MaxValue - 1);
            Assert.InRange(rng.NextInt64(10, 13), 10, 12);
            Assert.InRange(rng.NextSingle(), 0f, 0.99999994f);
        }

        Assert.Equal(0, rng.Next(0));
        Assert.Equal(7, rng.Next(7, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Next(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Next(3, 2));
    }

    [Fact]
    public void NextExponential_MeanIsOneOverRate()
    {
        var rng = new RandomStream(4);
        const int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += rng.NextExponential(4.0);
        }

        // mean 0.25, standard error 0.25 / sqrt(n) = 5.6e-4; 5 sigma.
        Assert.InRange(sum / n, 0.25 - 0.0028, 0.25 + 0.0028);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextExponential(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextExponential(double.NaN));
    }

    [Fact]
    public void Fill_IsLittleEndianWordsOfNextUInt64_AndHandlesTails()
    {
        var a = new RandomStream(5);
        var b = new RandomStream(5);
        var bytes = new byte[13];
        a.Fill(bytes);
        ulong w0 = b.NextUInt64();
        ulong w1 = b.NextUInt64();
        Assert.Equal(BitConverter.GetBytes(w0), bytes[..8]);
        Assert.Equal(BitConverter.GetBytes(w1)[..5], bytes[8..]);

        var viaRandomApi = new byte[13];
        new RandomStream(5).NextBytes(viaRandomApi);
        Assert.Equal(bytes, viaRandomApi);
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(48, 32)]
    [InlineData(13, 5)]
    [InlineData(RandomStream.MaxPeekSkipped, 16)]
    public void Peek_GivesWhatFillWouldAfterTheSkippedFill_AndDrawsNothing(int skipped, int length)
    {
        var peeked = new RandomStream(77);
        var drawn = new RandomStream(77);
        peeked.NextUInt64();
        drawn.NextUInt64();

        var ahead = new byte[length];
        peeked.Peek(skipped, ahead);
        drawn.Fill(new byte[skipped]);
        var filled = new byte[length];
        drawn.Fill(filled);
        Assert.Equal(filled, ahead);

        // The peeking stream is where it was: its next fills are the drawing stream's, from before the skip.
        var after = new byte[skipped + length];
        peeked.Fill(after.AsSpan(0, skipped));
        peeked.Fill(after.AsSpan(skipped));
        Assert.Equal(filled, after[skipped..]);
        Assert.Equal(drawn.NextUInt64(), peeked.NextUInt64());
    }

    [Fact]
    public void Peek_RefusesASkipOutsideItsRange()
    {
        var rng = new RandomStream(1);
        var bytes = new byte[8];
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Peek(-1, bytes));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Peek(RandomStream.MaxPeekSkipped + 1, bytes));
        Assert.Equal(new RandomStream(1).NextUInt64(), rng.NextUInt64());
    }

    [Fact]
    public void RandomBaseMembers_UseTheStream()
    {
        // Members Random implements in terms of the virtual ones must still be deterministic.
        int[] first = Shuffled(9);
        Assert.Equal(first, Shuffled(9));
        Assert.NotEqual(first, Shuffled(10));

        static int[] Shuffled(ulong seed)
        {
            var values = Enumerable.Range(0, 20).ToArray();
            new RandomStream(seed).Shuffle(values);
            return values;
        }
    }

    internal static ulong[] Reference(ulong seed, int count)
    {
        // An independent, deliberately plain transcription of SplitMix64 and xoshiro256**.
        var s = new ulong[4];
        ulong x = seed;
        for (int i = 0; i < 4; i++)
        {
            x += 0x9E3779B97F4A7C15UL;
            ulong z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            s[i] = z ^ (z >> 31);
        }

        var result = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            ulong m = s[1] * 5;
            result[i] = ((m << 7) | (m >> 57)) * 9;
            ulong t = s[1] << 17;
            s[2] ^= s[0];
            s[3] ^= s[1];
            s[1] ^= s[2];
            s[0] ^= s[3];
            s[2] ^= t;
            s[3] = (s[3] << 45) | (s[3] >> 19);
        }

        return result;
    }
}
