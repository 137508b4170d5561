namespace ResumeSim.Tls;

/// <summary>
/// How a <see cref="TicketRotator"/> manages its keys. Times in ns.
/// </summary>
/// <param name="Cipher">Cipher of generated keys.</param>
/// <param name="RotateEveryNs">A new key takes over sealing once the newest is this old (0 = never rotate by itself).</param>
/// <param name="KeepNs">How long a key still decrypts after it stopped sealing (0 = only the newest key decrypts).</param>
/// <param name="MaxKeys">Most keys held at once, newest included; the oldest is erased beyond it.</param>
/// <param name="TicketLifetimeNs">Tickets older than this are refused (0 = only the state's own lifetime counts).</param>
/// <param name="RenewWhenOldKey">Re-issue a ticket opened with a non-newest key (nginx, HAProxy).</param>
public sealed record TicketRotatorOptions(
    TicketCipher Cipher,
    long RotateEveryNs,
    long KeepNs,
    int MaxKeys,
    long TicketLifetimeNs,
    bool RenewWhenOldKey)
{
    /// <summary>Throws <see cref="ArgumentException"/> on impossible values.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(RotateEveryNs);
        ArgumentOutOfRangeException.ThrowIfNegative(KeepNs);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxKeys, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(TicketLifetimeNs);
    }
}
