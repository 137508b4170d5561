namespace ResumeSim.Cli.Calibration;

/// <summary>Nanoseconds per operation of the primitives a TLS server's handshake is made of.</summary>
internal sealed record PrimitiveTimings(
    double EcdhP256,
    double EcdsaP256Sign,
    double Rsa2048Sign,
    double Rsa4096Sign,
    double AesCbc128,
    double HmacSha256,
    double HkdfSha256)
{
    /// <summary>
    /// The same operations through System.Security.Cryptography on the reference VM of
    /// reference/tooling.md ("Crypto costs", ns/op; the machine behind the default cost profile). RSA-4096 was not
    /// measured there; it is taken as 6.5x RSA-2048 (`openssl speed`'s usual ratio, unverified).
    /// </summary>
    public static PrimitiveTimings Reference { get; } = new(
        EcdhP256: 214_000,
        EcdsaP256Sign: 23_300,
        Rsa2048Sign: 251_600,
        Rsa4096Sign: 251_600 * 6.5,
        AesCbc128: 1_300,
        HmacSha256: 580,
        HkdfSha256: 2_650);
}
