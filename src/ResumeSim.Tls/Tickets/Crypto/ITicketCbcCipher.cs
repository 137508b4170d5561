namespace ResumeSim.Tls;

/// <summary>
/// AES-CBC with PKCS#7 under one ticket key: what a CBC ticket's body needs. Two implementations give
/// the same bytes: <see cref="AesNiTicketCipher"/> (x86 AES instructions, used where the CPU has them) and
/// <see cref="CbcBlockCipher"/> (the platform's AES, anywhere). Not thread-safe, like its <see cref="TicketKey"/>.
/// </summary>
public interface ITicketCbcCipher : IDisposable
{
    /// <summary>Pads and encrypts; returns the ciphertext length (<see cref="CbcBlockCipher.CipherLength"/>).</summary>
    int Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> iv, Span<byte> destination);

    /// <summary>False when the length is not whole blocks or the padding is wrong.</summary>
    bool TryDecrypt(ReadOnlySpan<byte> cipherText, ReadOnlySpan<byte> iv, Span<byte> plaintext, out int written);
}
