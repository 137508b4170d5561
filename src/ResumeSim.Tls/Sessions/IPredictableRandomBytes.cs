namespace ResumeSim.Tls;

/// <summary>
/// Randomness whose next bytes can be read without drawing them: a seeded stream can, a real generator
/// cannot. A speed hint, not part of what randomness is (<see cref="IRandomBytes"/>): a simulator that
/// knows a full handshake comes next starts loading the store slot its new session id will take
/// (<see cref="TlsServerState.PrefetchNewSession"/>). Asked for with <c>random as IPredictableRandomBytes</c>.
/// </summary>
public interface IPredictableRandomBytes : IRandomBytes
{
    /// <summary>
    /// Writes to <paramref name="destination"/> what <see cref="IRandomBytes.Fill"/> of it would give after
    /// one fill of <paramref name="skipped"/> bytes; draws nothing.
    /// </summary>
    void Peek(int skipped, Span<byte> destination);
}
