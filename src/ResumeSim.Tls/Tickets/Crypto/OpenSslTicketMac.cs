using ResumeSim.LowLevel.Crypto;

namespace ResumeSim.Tls;

/// <summary>
/// A CBC ticket's HMAC-SHA256 on OpenSSL's SHA-256: <see cref="OpenSslHmacSha256"/> (in ResumeSim.LowLevel,
/// which holds the speed work) behind the ticket key's <see cref="ITicketMac"/>. Only forwards.
/// </summary>
internal sealed class OpenSslTicketMac(ReadOnlySpan<byte> key) : ITicketMac
{
    private readonly OpenSslHmacSha256 hmac = new(key);

    public void Compute(ReadOnlySpan<byte> data, Span<byte> mac) => hmac.Compute(data, mac);

    public void Dispose() => hmac.Dispose();
}
