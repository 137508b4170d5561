namespace ResumeSim.Tls;

/// <summary>Why a ticket was or was not accepted. Opening never throws.</summary>
public enum TicketOpenStatus
{
    /// <summary>Authentic, decrypted, parsed and within its lifetime.</summary>
    Ok,

    /// <summary>Shorter than the smallest possible ticket for the key's cipher.</summary>
    Truncated,

    /// <summary>No key with this key_name was ever held here (another server's or a forged key).</summary>
    UnknownKey,

    /// <summary>The key was held here once but has been erased (rotation window passed, or restart).</summary>
    KeyRetired,

    /// <summary>HMAC (or GCM tag) mismatch: tampered, or sealed under another key with the same name.</summary>
    BadMac,

    /// <summary>Authentic but the padding was wrong (cannot happen with our own sealing).</summary>
    DecryptFailed,

    /// <summary>Decrypted, but the session state did not parse, or the length is impossible for the cipher.</summary>
    Malformed,

    /// <summary>Authentic, but past the ticket lifetime.</summary>
    Expired,
}
