using System.Security.Cryptography;
using ResumeSim.LowLevel.Crypto;

namespace ResumeSim.Tls.Tests;

/// <summary>
/// The fast ticket crypto (AES-NI, OpenSSL's SHA-256) must give exactly the bytes of .NET's AES and HMAC.
/// On a machine without AES-NI or libcrypto the fast classes cannot be built and their tests return at
/// once; CI's x86-64 Linux has both, which <see cref="TicketCrypto_OnX86LinuxUsesTheFastCalls"/> checks.
/// </summary>
public sealed class TicketCryptoTests
{
    [Fact]
    public void TicketCrypto_OnX86LinuxUsesTheFastCalls()
    {
        if (Environment.GetEnvironmentVariable(TicketCrypto.PlatformVariable) == "1")
        {
            Assert.False(TicketCrypto.UsesAesNi || TicketCrypto.UsesOpenSslSha256);
            return;
        }

        Assert.Equal(System.Runtime.Intrinsics.X86.Aes.IsSupported, TicketCrypto.UsesAesNi);
        if (OperatingSystem.IsLinux() && System.Runtime.Intrinsics.X86.Aes.IsSupported)
        {
            Assert.True(TicketCrypto.UsesOpenSslSha256);
            Assert.Contains("libcrypto", TicketCrypto.Description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089")]
    public void AesNi_Fips197AppendixC_KnownAnswer(string key, string expected)
    {
        if (!AesNiCbcCipher.IsSupported)
        {
            return;
        }

        // One block under a zero IV is the bare cipher; the padding block that follows is ignored.
        using var cipher = new AesNiCbcCipher(Convert.FromHexString(key));
        var output = new byte[32];
        cipher.Encrypt(Convert.FromHexString("00112233445566778899aabbccddeeff"), new byte[16], output);
        Assert.Equal(expected, Convert.ToHexStringLower(output.AsSpan(0, 16)));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void AesNi_EveryLength_EqualsPlatformCbcBothWays(int keyLength)
    {
        if (!AesNiCbcCipher.IsSupported)
        {
            return;
        }

        var random = new Random(keyLength);
        var key = Bytes(random, keyLength);
        using var fast = new AesNiCbcCipher(key);
        using var aes = Aes.Create();
        aes.Key = key;
        for (int length = 0; length <= 300; length++)
        {
            var plain = Bytes(random, length);
            var iv = Bytes(random, 16);
            var expected = aes.EncryptCbc(plain, iv, PaddingMode.PKCS7);
            var sealedBody = new byte[CbcBlockCipher.CipherLength(length)];
            Assert.Equal(expected.Length, fast.Encrypt(plain, iv, sealedBody));
            Assert.Equal(expected, sealedBody);

            var opened = new byte[length + 16];
            Assert.True(fast.TryDecrypt(expected, iv, opened, out int written));
            Assert.Equal(plain, opened.AsSpan(0, written).ToArray());
        }
    }

    [Fact]
    public void AesNi_InterleavedWithPlatformCipher_SameBytes()
    {
        if (!AesNiCbcCipher.IsSupported)
        {
            return;
        }

        // The platform cipher carries a chain between calls; the AES-NI one has none. Both must be plain CBC.
        var random = new Random(7);
        var key = Bytes(random, 16);
        using var fast = new AesNiCbcCipher(key);
        using var platform = new CbcBlockCipher(key);
        for (int i = 0; i < 200; i++)
        {
            var plain = Bytes(random, random.Next(0, 200));
            var iv = Bytes(random, 16);
            var a = new byte[CbcBlockCipher.CipherLength(plain.Length)];
            var b = new byte[a.Length];
            fast.Encrypt(plain, iv, a);
            platform.Encrypt(plain, iv, b);
            Assert.Equal(b, a);
            var opened = new byte[a.Length];
            Assert.True(platform.TryDecrypt(a, iv, opened, out int written));
            Assert.Equal(plain.Length, written);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(255)]
    public void AesNi_TryDecrypt_BadPadLength_False(int pad)
    {
        if (!AesNiCbcCipher.IsSupported)
        {
            return;
        }

        var key = Bytes(new Random(1), 16);
        var iv = new byte[16];
        var plain = new byte[32];
        plain[^1] = (byte)pad;
        using var aes = Aes.Create();
        aes.Key = key;
        var body = aes.EncryptCbc(plain, iv, PaddingMode.None);
        using var fast = new AesNiCbcCipher(key);
        Assert.False(fast.TryDecrypt(body, iv, new byte[64], out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void AesNi_TryDecrypt_InconsistentPadOrShortInputs_False()
    {
        if (!AesNiCbcCipher.IsSupported)
        {
            return;
        }

        var key = Bytes(new Random(2), 16);
        var iv = Bytes(new Random(3), 16);
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = new byte[32];
        plain.AsSpan(28).Fill(4);
        plain[29] = 5;                                  // 4 bytes claimed, one of them wrong
        var body = aes.EncryptCbc(plain, iv, PaddingMode.None);
        using var fast = new AesNiCbcCipher(key);
        Assert.False(fast.TryDecrypt(body, iv, new byte[64], out _));
        Assert.False(fast.TryDecrypt(body.AsSpan(0, 31), iv, new byte[64], out _));
        Assert.False(fast.TryDecrypt([], iv, new byte[64], out _));

        var good = aes.EncryptCbc(new byte[40], iv, PaddingMode.PKCS7);
        Assert.False(fast.TryDecrypt(good, iv, new byte[39], out _)); // room for less than the plaintext
        Assert.True(fast.TryDecrypt(good, iv, new byte[40], out int written));
        Assert.Equal(40, written);
    }

    [Fact]
    public void OpenSslHmac_Rfc4231Case1()
    {
        if (!OpenSslHmacSha256.IsSupported)
        {
            return;
        }

        using var mac = new OpenSslHmacSha256(Enumerable.Repeat((byte)0x0b, 20).ToArray());
        var output = new byte[32];
        mac.Compute("Hi There"u8, output);
        Assert.Equal("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", Convert.ToHexStringLower(output));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(131)]
    public void OpenSslHmac_ManyLengths_EqualsPlatformHmac(int keyLength)
    {
        if (!OpenSslHmacSha256.IsSupported)
        {
            return;
        }

        var random = new Random(keyLength);
        var key = Bytes(random, keyLength);
        using var fast = new OpenSslHmacSha256(key);
        using var platform = new PlatformHmacSha256(key);
        var a = new byte[32];
        var b = new byte[32];
        for (int length = 0; length <= 300; length++)
        {
            var data = Bytes(random, length);
            fast.Compute(data, a);
            platform.Compute(data, b);
            Assert.Equal(HMACSHA256.HashData(key, data), a);
            Assert.Equal(b, a);
        }
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
