using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ResumeSim.Tls.Tests;

/// <summary>Any single flipped bit, anywhere in a sealed ticket (name, IV, body or MAC), is refused.</summary>
public sealed class TicketTamperPropertyTests
{
    private static readonly TicketCipher[] Ciphers = [TicketCipher.Aes128CbcHmacSha256, TicketCipher.Aes256CbcHmacSha256, TicketCipher.Aes256Gcm];

    [Property(MaxTest = 300)]
    public Property TryOpen_AnySingleFlippedBit_IsRejected(PositiveInt position, byte bit, byte cipherIndex)
    {
        var cipher = Ciphers[cipherIndex % Ciphers.Length];
        var ring = new TicketRotator(new TicketRotatorOptions(cipher, 0, 0, 4, 0, false), new SeededRandomBytes(11), 0);
        var ticket = ring.Seal(Sessions.Tls12(), 0);
        var at = position.Get % ticket.Length;
        ticket[at] ^= (byte)(1 << (bit % 8));

        var status = ring.TryOpen(ticket, 1, out var state, out _);

        return (status != TicketOpenStatus.Ok && state is null)
            .Label($"{cipher}: bit {bit % 8} of byte {at} flipped gave {status}");
    }
}
