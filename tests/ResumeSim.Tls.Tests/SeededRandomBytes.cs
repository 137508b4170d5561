namespace ResumeSim.Tls.Tests;

/// <summary>A reproducible <see cref="IRandomBytes"/> for tests (tests may use System.Random; the core may not).</summary>
internal sealed class SeededRandomBytes(int seed) : IRandomBytes
{
    private readonly Random random = new(seed);

    public void Fill(Span<byte> destination) => random.NextBytes(destination);
}
