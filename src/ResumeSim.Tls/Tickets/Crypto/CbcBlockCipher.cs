using System.Diagnostics;
using System.Security.Cryptography;

namespace ResumeSim.Tls;

/// <summary>
/// AES-CBC with PKCS#7 for one ticket key on the platform's AES, where there is no AES-NI (<see cref="TicketCrypto"/>), fast: .NET's one-shot <c>EncryptCbc</c> builds a native
/// cipher context per call, which costs many times the AES work on a 112 B ticket, while a kept
/// <see cref="ICryptoTransform"/> without padding pays only for the blocks (docs/performance.md). A kept CBC transform chains every call onto the last
/// ciphertext block it handled, so each message's first block is XORed with that block and with the
/// message's own IV: the result is exactly CBC under that IV (checked against the one-shot API in
/// tests). Padding is added and checked here; the check runs only after the HMAC has verified the
/// ticket (encrypt-then-MAC), so it is no padding oracle. Not thread-safe, like its <see cref="TicketKey"/>.
/// </summary>
internal sealed class CbcBlockCipher : ITicketCbcCipher
{
    private const int Block = 16;
    private const int MaxBody = (SessionState.MaxSerializedLength / Block + 2) * Block;

    private readonly Aes aes;
    private readonly byte[] input = new byte[MaxBody];
    private readonly byte[] output = new byte[MaxBody];
    private readonly byte[] encryptChain = new byte[Block];
    private readonly byte[] decryptChain = new byte[Block];
    private ICryptoTransform encryptor;
    private ICryptoTransform decryptor;

    public CbcBlockCipher(byte[] key)
    {
        aes = Aes.Create();
        aes.Key = key;
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.None;
        encryptor = aes.CreateEncryptor(key, new byte[Block]);
        decryptor = aes.CreateDecryptor(key, new byte[Block]);
    }

    /// <summary>Ciphertext length for <paramref name="plaintextLength"/> bytes (PKCS#7 always adds 1..16).</summary>
    public static int CipherLength(int plaintextLength) => (plaintextLength / Block + 1) * Block;

    public int Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> iv, Span<byte> destination)
    {
        int length = CipherLength(plaintext.Length);
        if (length > MaxBody)
        {
            throw new ArgumentException("Plaintext too long for a ticket.", nameof(plaintext));
        }

        plaintext.CopyTo(input);
        input.AsSpan(plaintext.Length, length - plaintext.Length).Fill((byte)(length - plaintext.Length));
        for (int i = 0; i < Block; i++)
        {
            input[i] ^= (byte)(iv[i] ^ encryptChain[i]);
        }

        int written = encryptor.TransformBlock(input, 0, length, output, 0);
        Debug.Assert(written == length, "an unpadded CBC transform writes whole blocks");
        output.AsSpan(length - Block, Block).CopyTo(encryptChain);
        output.AsSpan(0, length).CopyTo(destination);
        return length;
    }

    /// <summary>False when the length is not whole blocks or the padding is wrong.</summary>
    public bool TryDecrypt(ReadOnlySpan<byte> cipherText, ReadOnlySpan<byte> iv, Span<byte> plaintext, out int written)
    {
        written = 0;
        int length = cipherText.Length;
        if (length == 0 || length % Block != 0 || length > MaxBody)
        {
            return false;
        }

        cipherText.CopyTo(input);
        try
        {
            if (decryptor.TransformBlock(input, 0, length, output, 0) != length)
            {
                ResetDecryptor();
                return false;
            }
        }
        catch (CryptographicException)
        {
            ResetDecryptor();
            return false;
        }

        for (int i = 0; i < Block; i++)
        {
            output[i] ^= (byte)(iv[i] ^ decryptChain[i]);
        }

        cipherText.Slice(length - Block, Block).CopyTo(decryptChain);
        int pad = output[length - 1];
        if (pad is 0 or > Block)
        {
            return false;
        }

        for (int i = length - pad; i < length - 1; i++)
        {
            if (output[i] != pad)
            {
                return false;
            }
        }

        if (plaintext.Length < length - pad)
        {
            return false;
        }

        output.AsSpan(0, length - pad).CopyTo(plaintext);
        written = length - pad;
        return true;
    }

    public void Dispose()
    {
        encryptor.Dispose();
        decryptor.Dispose();
        aes.Dispose();
        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(output);
    }

    private void ResetDecryptor()
    {
        decryptor.Dispose();
        decryptor = aes.CreateDecryptor(aes.Key, new byte[Block]);
        Array.Clear(decryptChain);
    }
}
