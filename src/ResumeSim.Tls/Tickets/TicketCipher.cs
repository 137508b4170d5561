namespace ResumeSim.Tls;

/// <summary>How a ticket is sealed. All use a 16 B key_name in clear at the front (RFC 5077 4).</summary>
public enum TicketCipher
{
    /// <summary>AES-128-CBC + HMAC-SHA256 (RFC 5077 4's recommendation; nginx 48 B key files).</summary>
    Aes128CbcHmacSha256,

    /// <summary>AES-256-CBC + HMAC-SHA256 (OpenSSL's default keys; nginx 80 B key files).</summary>
    Aes256CbcHmacSha256,

    /// <summary>AES-256-GCM, an AEAD ticket as rustls and Go seal them (layout name 16 | nonce 12 | ciphertext | tag 16).</summary>
    Aes256Gcm,
}
