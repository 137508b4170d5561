using ResumeSim.Engine;
using ResumeSim.Tls;

namespace ResumeSim.Model.Randomness;

/// <summary>Feeds the resumption core's random bytes (session IDs, secrets, keys, IVs) from a seeded stream.</summary>
internal sealed class EngineRandomBytes(RandomStream stream) : IPredictableRandomBytes
{
    public void Fill(Span<byte> destination) => stream.Fill(destination);

    public void Peek(int skipped, Span<byte> destination) => stream.Peek(skipped, destination);
}
