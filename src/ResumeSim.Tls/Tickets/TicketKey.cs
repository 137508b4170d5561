using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace ResumeSim.Tls;

/// <summary>
/// One session-ticket encryption key (a STEK): a 16 B key_name sent in clear, an AES key and, for CBC,
/// an HMAC-SHA256 key. It knows nothing of lifetimes (that is <see cref="TicketRotator"/>'s job, as in
/// rustls' ticketer.rs) but records the instants that matter for the forward-secrecy exposure metric:
/// <see cref="CreatedAt"/>, <see cref="StoppedEncryptingAt"/> and <see cref="ErasedAt"/> (ns since an
/// arbitrary epoch). The AES and HMAC objects are created once per key and reused (which ones: <see cref="TicketCrypto"/>); a key is therefore
/// not thread-safe (one replication, or one worker, owns it). Erasing zeroes the key material.
/// <para>Ticket layouts: CBC: key_name 16 | IV 16 | AES-CBC-PKCS7(state) | HMAC-SHA256 32 over all
/// preceding bytes (OpenSSL's format; RFC 5077 4). GCM: key_name 16 | nonce 12 | ciphertext | tag 16,
/// with key_name as associated data.</para>
/// </summary>
public sealed class TicketKey
{
    /// <summary>key_name length (RFC 5077 4).</summary>
    public const int NameLength = 16;

    /// <summary>CBC IV length.</summary>
    public const int IvLength = 16;

    /// <summary>GCM nonce length.</summary>
    public const int NonceLength = 12;

    /// <summary>HMAC-SHA256 length.</summary>
    public const int MacLength = 32;

    /// <summary>GCM tag length.</summary>
    public const int TagLength = 16;

    private readonly byte[] name;
    private readonly byte[] aesKey;
    private readonly byte[] hmacKey;
    private ITicketCbcCipher? cbc;
    private ITicketMac? hmac;
    private AesGcm? gcm;

    private TicketKey(TicketCipher cipher, ReadOnlySpan<byte> name, ReadOnlySpan<byte> aesKey, ReadOnlySpan<byte> hmacKey, long createdAt)
    {
        int aesLength = cipher == TicketCipher.Aes128CbcHmacSha256 ? 16 : 32;
        if (name.Length != NameLength || aesKey.Length != aesLength || (cipher != TicketCipher.Aes256Gcm && hmacKey.Length < 16))
        {
            throw new ArgumentException($"Bad key material for {cipher}.");
        }

        Cipher = cipher;
        this.name = name.ToArray();
        this.aesKey = aesKey.ToArray();
        this.hmacKey = hmacKey.ToArray();
        NameValue = BinaryPrimitives.ReadUInt128BigEndian(name);
        CreatedAt = createdAt;
        if (cipher == TicketCipher.Aes256Gcm)
        {
            gcm = new AesGcm(this.aesKey, TagLength);
        }
        else
        {
            cbc = TicketCrypto.CreateCbc(this.aesKey);
            hmac = TicketCrypto.CreateMac(this.hmacKey);
        }
    }

    /// <summary>The 16-byte key_name.</summary>
    public ReadOnlySpan<byte> Name => name;

    /// <summary>key_name as a number, for fast lookups.</summary>
    public UInt128 NameValue { get; }

    /// <summary>The sealing algorithm.</summary>
    public TicketCipher Cipher { get; }

    /// <summary>When the key was made (ns). Copies installed on other servers keep the original time.</summary>
    public long CreatedAt { get; }

    /// <summary>When this holder stopped sealing with it (a newer key took over), or null.</summary>
    public long? StoppedEncryptingAt { get; private set; }

    /// <summary>When this holder erased it (no longer decrypts), or null while held.</summary>
    public long? ErasedAt { get; private set; }

    /// <summary>Tickets sealed with this key by this holder.</summary>
    public long TicketsSealed { get; private set; }

    /// <summary>Tickets successfully opened with this key by this holder.</summary>
    public long TicketsOpened { get; private set; }

    /// <summary>True once erased.</summary>
    public bool IsErased => ErasedAt.HasValue;

    /// <summary>A fresh random key (16 B name + AES key + 32 B HMAC key for CBC).</summary>
    public static TicketKey Generate(TicketCipher cipher, IRandomBytes random, long now)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> material = stackalloc byte[NameLength + 32 + 32];
        random.Fill(material);
        int aesLength = cipher == TicketCipher.Aes128CbcHmacSha256 ? 16 : 32;
        var key = new TicketKey(cipher, material[..NameLength], material.Slice(NameLength, aesLength), material.Slice(NameLength + 32, 32), now);
        CryptographicOperations.ZeroMemory(material);
        return key;
    }

    /// <summary>
    /// Loads an nginx <c>ssl_session_ticket_key</c> file: 48 B = name 16 | AES 16 | HMAC 16 (AES-128-CBC),
    /// 80 B = name 16 | HMAC 32 | AES 32 (AES-256-CBC), as <c>ngx_ssl_session_ticket_keys</c> reads it
    /// (parameters.md "nginx ticket key file", P).
    /// </summary>
    /// <exception cref="ArgumentException">when the file is neither 48 nor 80 bytes.</exception>
    public static TicketKey FromNginxKeyFile(ReadOnlySpan<byte> file, long now) => file.Length switch
    {
        48 => new TicketKey(TicketCipher.Aes128CbcHmacSha256, file[..16], file.Slice(16, 16), file.Slice(32, 16), now),
        80 => new TicketKey(TicketCipher.Aes256CbcHmacSha256, file[..16], file.Slice(48, 32), file.Slice(16, 32), now),
        _ => throw new ArgumentException($"An nginx ticket key file is 48 or 80 bytes, got {file.Length}.", nameof(file)),
    };

    /// <summary>
    /// Loads an Apache <c>SSLSessionTicketKeyFile</c>: 48 B = name 16 | HMAC 16 | AES 16 (AES-128-CBC);
    /// the order differs from nginx's (parameters.md "Apache ticket key file", P).
    /// </summary>
    /// <exception cref="ArgumentException">when the file is not 48 bytes.</exception>
    public static TicketKey FromApacheKeyFile(ReadOnlySpan<byte> file, long now) => file.Length == 48
        ? new TicketKey(TicketCipher.Aes128CbcHmacSha256, file[..16], file.Slice(32, 16), file.Slice(16, 16), now)
        : throw new ArgumentException($"An Apache ticket key file is 48 bytes, got {file.Length}.", nameof(file));

    /// <summary>Builds a key from explicit material (GCM ignores <paramref name="hmacKey"/>).</summary>
    public static TicketKey FromMaterial(TicketCipher cipher, ReadOnlySpan<byte> name, ReadOnlySpan<byte> aesKey, ReadOnlySpan<byte> hmacKey, long now) =>
        new(cipher, name, aesKey, hmacKey, now);

    /// <summary>Ticket length for a serialized state of <paramref name="plaintextLength"/> bytes.</summary>
    public static int SealedLength(TicketCipher cipher, int plaintextLength) => cipher == TicketCipher.Aes256Gcm
        ? NameLength + NonceLength + plaintextLength + TagLength
        : NameLength + IvLength + ((plaintextLength / 16) + 1) * 16 + MacLength;

    /// <summary>Smallest well-formed ticket for <paramref name="cipher"/>.</summary>
    public static int MinimumLength(TicketCipher cipher) => cipher == TicketCipher.Aes256Gcm
        ? NameLength + NonceLength + TagLength
        : NameLength + IvLength + 16 + MacLength;

    /// <summary>A copy holding the same material, for another server in a farm; its own timestamps and counts.</summary>
    public TicketKey Copy()
    {
        ObjectDisposedException.ThrowIf(IsErased, this);
        return new TicketKey(Cipher, name, aesKey, hmacKey, CreatedAt);
    }

    internal void MarkStoppedEncrypting(long now) => StoppedEncryptingAt ??= now;

    internal void Erase(long now)
    {
        if (IsErased)
        {
            return;
        }

        StoppedEncryptingAt ??= now;
        ErasedAt = now;
        cbc?.Dispose();
        hmac?.Dispose();
        gcm?.Dispose();
        cbc = null;
        hmac = null;
        gcm = null;
        CryptographicOperations.ZeroMemory(aesKey);
        CryptographicOperations.ZeroMemory(hmacKey);
    }

    /// <summary>Seals <paramref name="plaintext"/> into <paramref name="destination"/> (exactly <see cref="SealedLength"/> bytes).</summary>
    internal void Seal(ReadOnlySpan<byte> plaintext, IRandomBytes random, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(IsErased, this);
        name.CopyTo(destination);
        if (gcm is not null)
        {
            var nonce = destination.Slice(NameLength, NonceLength);
            random.Fill(nonce);
            var body = destination.Slice(NameLength + NonceLength, plaintext.Length);
            gcm.Encrypt(nonce, plaintext, body, destination.Slice(NameLength + NonceLength + plaintext.Length, TagLength), name);
        }
        else
        {
            var iv = destination.Slice(NameLength, IvLength);
            random.Fill(iv);
            int written = cbc!.Encrypt(plaintext, iv, destination[(NameLength + IvLength)..]);
            int macAt = NameLength + IvLength + written;
            hmac!.Compute(destination[..macAt], destination.Slice(macAt, MacLength));
        }

        TicketsSealed++;
    }

    /// <summary>Authenticates and decrypts; never throws for bad input. The MAC check is constant-time.</summary>
    internal TicketOpenStatus Open(ReadOnlySpan<byte> ticket, Span<byte> plaintext, out int written)
    {
        ObjectDisposedException.ThrowIf(IsErased, this);
        written = 0;
        if (ticket.Length < MinimumLength(Cipher))
        {
            return TicketOpenStatus.Truncated;
        }

        // CBC: ciphertext = length - 64; GCM: length - 44. Both bound the plaintext.
        int bodyLength = ticket.Length - MinimumLength(Cipher) + (gcm is null ? 16 : 0);
        if (bodyLength > plaintext.Length)
        {
            return TicketOpenStatus.Malformed;
        }

        var status = gcm is not null ? OpenGcm(ticket, plaintext, out written) : OpenCbc(ticket, plaintext, out written);
        if (status == TicketOpenStatus.Ok)
        {
            TicketsOpened++;
        }

        return status;
    }

    private TicketOpenStatus OpenCbc(ReadOnlySpan<byte> ticket, Span<byte> plaintext, out int written)
    {
        written = 0;
        int macAt = ticket.Length - MacLength;
        Span<byte> mac = stackalloc byte[MacLength];
        hmac!.Compute(ticket[..macAt], mac);
        if (!MacsEqual(mac, ticket[macAt..]))
        {
            return TicketOpenStatus.BadMac;
        }

        var cipherText = ticket[(NameLength + IvLength)..macAt];
        if (cipherText.Length % 16 != 0)
        {
            return TicketOpenStatus.Malformed;
        }

        return cbc!.TryDecrypt(cipherText, ticket.Slice(NameLength, IvLength), plaintext, out written)
            ? TicketOpenStatus.Ok
            : TicketOpenStatus.DecryptFailed;
    }

    /// <summary>
    /// Whether two 32-byte MACs are equal, in time independent of where they differ, as OpenSSL's
    /// <c>CRYPTO_memcmp</c>: one 256-bit XOR and one test. .NET's <c>FixedTimeEquals</c> is compiled without
    /// optimization (a call per byte), which was 4.7% of a 3M-client ticket run (docs/performance.md, Follow-up 6).
    /// </summary>
    internal static bool MacsEqual(ReadOnlySpan<byte> computed, ReadOnlySpan<byte> received) =>
        computed.Length == MacLength
        && received.Length == MacLength
        && (Vector256.Create(computed) ^ Vector256.Create(received)) == Vector256<byte>.Zero;

    private TicketOpenStatus OpenGcm(ReadOnlySpan<byte> ticket, Span<byte> plaintext, out int written)
    {
        written = ticket.Length - NameLength - NonceLength - TagLength;
        try
        {
            gcm!.Decrypt(
                ticket.Slice(NameLength, NonceLength),
                ticket.Slice(NameLength + NonceLength, written),
                ticket[^TagLength..],
                plaintext[..written],
                ticket[..NameLength]);
            return TicketOpenStatus.Ok;
        }
        catch (CryptographicException)
        {
            written = 0;
            return TicketOpenStatus.BadMac;
        }
    }
}
