using System.Security.Cryptography;

namespace ResumeSim.Tls;

/// <summary>
/// Cryptographically secure randomness for real use: a system call per request, and not reproducible,
/// so simulations use a seeded stream instead.
/// </summary>
public sealed class SystemRandomBytes : IRandomBytes
{
    /// <summary>A shared instance; <see cref="RandomNumberGenerator.Fill"/> is thread-safe.</summary>
    public static SystemRandomBytes Instance { get; } = new();

    /// <inheritdoc />
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
