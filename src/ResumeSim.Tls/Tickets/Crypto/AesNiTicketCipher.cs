using ResumeSim.LowLevel.Crypto;

namespace ResumeSim.Tls;

/// <summary>
/// A CBC ticket's body on the CPU's AES instructions: <see cref="AesNiCbcCipher"/> (in ResumeSim.LowLevel,
/// which holds the speed work) behind the ticket key's <see cref="ITicketCbcCipher"/>. Only forwards.
/// </summary>
internal sealed class AesNiTicketCipher(ReadOnlySpan<byte> key) : ITicketCbcCipher
{
    private readonly AesNiCbcCipher aes = new(key);

    public int Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> iv, Span<byte> destination) =>
        aes.Encrypt(plaintext, iv, destination);

    public bool TryDecrypt(ReadOnlySpan<byte> cipherText, ReadOnlySpan<byte> iv, Span<byte> plaintext, out int written) =>
        aes.TryDecrypt(cipherText, iv, plaintext, out written);

    public void Dispose() => aes.Dispose();
}
