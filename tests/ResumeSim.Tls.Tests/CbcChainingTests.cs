using System.Security.Cryptography;

namespace ResumeSim.Tls.Tests;

/// <summary>The kept-transform CBC must equal textbook CBC under each ticket's own IV, whatever came before.</summary>
public sealed class CbcChainingTests
{
    [Fact]
    public void Seal_ManyTicketsInSequence_EachDecryptsWithOneShotAes()
    {
        var file = ManualTicket.Material(80, 9);
        var ring = new TicketRotator(new TicketRotatorOptions(TicketCipher.Aes256CbcHmacSha256, 0, 0, 2, 0, false), new SeededRandomBytes(4), 0, generateFirstKey: false);
        ring.InstallKey(TicketKey.FromNginxKeyFile(file, 0), 0);
        using var aes = Aes.Create();
        aes.Key = file[48..80];
        for (int i = 0; i < 50; i++)
        {
            var state = Sessions.Tls12(createdAt: i, sni: new string('h', i % 40));
            var ticket = ring.Seal(state, i);
            var plain = aes.DecryptCbc(ticket.AsSpan(32, ticket.Length - 64), ticket.AsSpan(16, 16), PaddingMode.PKCS7);
            Assert.Equal(ManualTicket.Serialize(state), plain);
        }
    }

    [Fact]
    public void TryOpen_OneShotTicketsInterleavedWithBadPadding_AllJudgedCorrectly()
    {
        var name = ManualTicket.Material(16, 1);
        var aesKey = ManualTicket.Material(16, 2);
        var hmac = ManualTicket.Material(32, 3);
        var ring = new TicketRotator(new TicketRotatorOptions(TicketCipher.Aes128CbcHmacSha256, 0, 0, 2, 0, false), new SeededRandomBytes(4), 0, generateFirstKey: false);
        ring.InstallKey(TicketKey.FromMaterial(TicketCipher.Aes128CbcHmacSha256, name, aesKey, hmac, 0), 0);
        for (int i = 0; i < 30; i++)
        {
            var state = Sessions.Tls13(createdAt: i, sni: new string('x', i));
            var good = ManualTicket.SealCbc(name, aesKey, hmac, ManualTicket.Serialize(state));
            Assert.Equal(TicketOpenStatus.Ok, ring.TryOpen(good, i + 1, out var opened, out _));
            Assert.Equal(state.ServerName ?? string.Empty, opened!.ServerName ?? string.Empty);

            var unpadded = new byte[48];
            unpadded[^1] = (byte)(17 + i);
            var bad = ManualTicket.SealCbc(name, aesKey, hmac, unpadded, pad: false);
            Assert.Equal(TicketOpenStatus.DecryptFailed, ring.TryOpen(bad, i + 1, out _, out _));
        }
    }
}
