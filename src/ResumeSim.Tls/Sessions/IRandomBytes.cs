namespace ResumeSim.Tls;

/// <summary>
/// The only source of randomness in the resumption core (session ids, master secrets, ticket IVs,
/// ticket keys, age_add). The simulator injects a seeded stream so runs are reproducible; a real
/// server injects <see cref="SystemRandomBytes"/>.
/// </summary>
public interface IRandomBytes
{
    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    void Fill(Span<byte> destination);
}
