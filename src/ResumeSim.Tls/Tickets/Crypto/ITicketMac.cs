namespace ResumeSim.Tls;

/// <summary>
/// HMAC-SHA256 under one ticket key's MAC key. Two implementations give the same bytes:
/// <see cref="OpenSslTicketMac"/> (OpenSSL's SHA-256 called directly, used where libcrypto loads) and
/// <see cref="PlatformHmacSha256"/> (.NET's HMAC, anywhere). Not thread-safe, like its <see cref="TicketKey"/>.
/// </summary>
public interface ITicketMac : IDisposable
{
    /// <summary>Writes the 32-byte HMAC of <paramref name="data"/> into <paramref name="mac"/>.</summary>
    void Compute(ReadOnlySpan<byte> data, Span<byte> mac);
}
