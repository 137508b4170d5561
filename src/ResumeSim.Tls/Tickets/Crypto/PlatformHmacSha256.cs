using System.Security.Cryptography;

namespace ResumeSim.Tls;

/// <summary>HMAC-SHA256 through .NET's <see cref="IncrementalHash"/>, kept and reset per ticket.</summary>
internal sealed class PlatformHmacSha256(ReadOnlySpan<byte> key) : ITicketMac
{
    private readonly IncrementalHash hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    public void Compute(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        hmac.AppendData(data);
        hmac.GetHashAndReset(mac);
    }

    public void Dispose() => hmac.Dispose();
}
