using ResumeSim.LowLevel.Crypto;

namespace ResumeSim.Tls;

/// <summary>
/// Which code seals and opens CBC tickets. Where the CPU has AES-NI, AES runs on it
/// (<see cref="AesNiCbcCipher"/>); where libcrypto loads, HMAC-SHA256 runs on OpenSSL's SHA-256
/// (<see cref="OpenSslHmacSha256"/>). Otherwise, or when the environment variable
/// <c>RESUMESIM_PLATFORM_CRYPTO=1</c> asks for it, .NET's own AES and HMAC are used. Every choice gives
/// the same ticket bytes, so results do not depend on it; only speed does (docs/performance.md).
/// AES-GCM tickets always use .NET's <see cref="System.Security.Cryptography.AesGcm"/>.
/// </summary>
public static class TicketCrypto
{
    /// <summary>The environment variable that forces .NET's AES and HMAC.</summary>
    public const string PlatformVariable = "RESUMESIM_PLATFORM_CRYPTO";

    private static readonly bool PlatformOnly = Environment.GetEnvironmentVariable(PlatformVariable) == "1";

    /// <summary>True when CBC tickets use AES-NI.</summary>
    public static bool UsesAesNi => !PlatformOnly && AesNiCbcCipher.IsSupported;

    /// <summary>True when CBC tickets' HMAC uses OpenSSL's SHA-256 directly.</summary>
    public static bool UsesOpenSslSha256 => !PlatformOnly && OpenSslHmacSha256.IsSupported;

    /// <summary>One line for benchmark reports, e.g. "AES-NI + OpenSSL SHA256_* (libcrypto.so.3)".</summary>
    public static string Description =>
        (UsesAesNi ? "AES-NI" : ".NET Aes") + " + " +
        (UsesOpenSslSha256 ? $"OpenSSL SHA256_* ({OpenSslHmacSha256.LibraryName})" : ".NET HMAC");

    /// <summary>
    /// The AES-CBC cipher CBC tickets use here, under <paramref name="key"/>; public so that the bench
    /// harness can time the raw calls a seal makes beside the whole seal.
    /// </summary>
    public static ITicketCbcCipher CreateCbc(ReadOnlySpan<byte> key) =>
        UsesAesNi ? new AesNiTicketCipher(key) : new CbcBlockCipher(key.ToArray());

    /// <summary>The HMAC-SHA256 CBC tickets use here, under <paramref name="key"/> (public for the same reason).</summary>
    public static ITicketMac CreateMac(ReadOnlySpan<byte> key) =>
        UsesOpenSslSha256 ? new OpenSslTicketMac(key) : new PlatformHmacSha256(key);
}
