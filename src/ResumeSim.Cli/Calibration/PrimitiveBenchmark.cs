using System.Diagnostics;
using System.Security.Cryptography;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// Times the host's real primitives through System.Security.Cryptography (OpenSSL underneath on
/// Linux): ECDHE P-256 (a fresh key pair and one agreement, as each full handshake does), ECDSA P-256
/// and RSA signatures, and the three symmetric operations exactly as reference/tooling.md timed them on
/// the reference VM (AES-CBC one-shot encryption of 200 B, HMAC-SHA256 of 200 B with a reused
/// instance, HKDF-SHA256 deriving 48 B), so that host and reference ratios compare like with like.
/// Each is the median of several timed batches after a warm-up.
/// X25519 is not offered by System.Security.Cryptography, so ECDHE is timed on P-256.
/// </summary>
internal static class PrimitiveBenchmark
{
    public static PrimitiveTimings Measure(bool quick)
    {
        var scale = quick ? 0.1 : 1.0;
        using var peer = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var peerKey = peer.PublicKey;
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa2048 = RSA.Create(2048);
        using var rsa4096 = RSA.Create(4096);
        var hash = SHA256.HashData("ResumeSim calibration"u8);
        using var aes = Aes.Create();
        aes.Key = RandomNumberGenerator.GetBytes(16);
        var iv = new byte[16];
        var message = new byte[200];
        var cipherText = new byte[208];
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, RandomNumberGenerator.GetBytes(32));
        var mac = new byte[32];
        var secret = RandomNumberGenerator.GetBytes(32);
        var okm = new byte[48];

        return new PrimitiveTimings(
            EcdhP256: Time(Count(400, scale), () =>
            {
                using var mine = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
                _ = mine.DeriveRawSecretAgreement(peerKey);
            }),
            EcdsaP256Sign: Time(Count(2_000, scale), () => ecdsa.SignHash(hash)),
            Rsa2048Sign: Time(Count(300, scale), () => rsa2048.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            Rsa4096Sign: Time(Count(60, scale), () => rsa4096.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            AesCbc128: Time(Count(50_000, scale), () => aes.EncryptCbc(message, iv, cipherText, PaddingMode.PKCS7)),
            HmacSha256: Time(Count(100_000, scale), () =>
            {
                hmac.AppendData(message);
                hmac.GetHashAndReset(mac);
            }),
            HkdfSha256: Time(Count(50_000, scale), () => HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, okm, iv, "tls13 resumption"u8)));
    }

    private static int Count(int full, double scale) => Math.Max(10, (int)(full * scale));

    /// <summary>Median ns per call over 5 timed batches of <paramref name="count"/> calls, after one warm-up batch.</summary>
    private static double Time(int count, Action operation)
    {
        var batches = new double[5];
        for (var b = -1; b < batches.Length; b++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                operation();
            }

            if (b >= 0)
            {
                batches[b] = clock.Elapsed.TotalNanoseconds / count;
            }
        }

        Array.Sort(batches);
        return batches[batches.Length / 2];
    }
}
