using System.Security.Cryptography;

namespace ResumeSim.Tls.Tests;

/// <summary>Builds CBC tickets by hand from raw key material, to check layouts and reach rejection paths.</summary>
internal static class ManualTicket
{
    public static byte[] SealCbc(ReadOnlySpan<byte> name, byte[] aesKey, byte[] hmacKey, ReadOnlySpan<byte> plaintext, bool pad = true)
    {
        using var aes = Aes.Create();
        aes.Key = aesKey;
        var iv = new byte[16];
        iv[0] = 42;
        var body = pad
            ? aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7)
            : aes.EncryptCbc(plaintext, iv, PaddingMode.None);
        var ticket = new byte[16 + 16 + body.Length + 32];
        name.CopyTo(ticket);
        iv.CopyTo(ticket, 16);
        body.CopyTo(ticket, 32);
        HMACSHA256.HashData(hmacKey, ticket.AsSpan(0, 32 + body.Length), ticket.AsSpan(32 + body.Length));
        return ticket;
    }

    public static byte[] Serialize(SessionState state)
    {
        var bytes = new byte[state.SerializedLength];
        state.Serialize(bytes);
        return bytes;
    }

    public static byte[] Material(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
