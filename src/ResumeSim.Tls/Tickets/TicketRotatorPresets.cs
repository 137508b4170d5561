namespace ResumeSim.Tls;

/// <summary>Key-rotation policies of real servers and deployments, with their parameters.md rows.</summary>
public static class TicketRotatorPresets
{
    /// <summary>OpenSSL's default key ring (<see cref="ServerTicketPresets.OpenSsl"/>).</summary>
    public static TicketRotatorOptions OpenSsl() => ServerTicketPresets.OpenSsl.Rotator;

    /// <summary>nginx 1.23.2+ automatic keys (<see cref="ServerTicketPresets.Nginx"/>).</summary>
    public static TicketRotatorOptions NginxAuto(long sessionTimeoutNs) => ServerTicketPresets.Nginx(sessionTimeoutNs).Rotator;

    /// <summary>Go: a new key every 24 h, keys accepted 7 days, 7-day tickets ("Go server tickets", P).</summary>
    public static TicketRotatorOptions Go() =>
        new(TicketCipher.Aes256Gcm, Nanoseconds.PerDay, 6 * Nanoseconds.PerDay, MaxKeys: 8, 7 * Nanoseconds.PerDay, RenewWhenOldKey: false);

    /// <summary>rustls: rotated every 6 h, previous key kept, 12 h lifetime ("rustls server", P).</summary>
    public static TicketRotatorOptions Rustls() =>
        new(TicketCipher.Aes256Gcm, 6 * Nanoseconds.PerHour, 6 * Nanoseconds.PerHour, MaxKeys: 2, 12 * Nanoseconds.PerHour, RenewWhenOldKey: false);

    /// <summary>BoringSSL: keys rotated every 48 h, previous kept one interval ("BoringSSL", P).</summary>
    public static TicketRotatorOptions BoringSsl() =>
        new(TicketCipher.Aes256Gcm, 2 * Nanoseconds.PerDay, 2 * Nanoseconds.PerDay, MaxKeys: 2, 2 * Nanoseconds.PerDay, RenewWhenOldKey: false);

    /// <summary>Cloudflare 2015: rotated hourly, kept 18 h, lifetime hint 64800 s ("Cloudflare 2015", S).</summary>
    public static TicketRotatorOptions Cloudflare2015() =>
        new(TicketCipher.Aes128CbcHmacSha256, Nanoseconds.PerHour, 18 * Nanoseconds.PerHour, MaxKeys: 19, 64800 * Nanoseconds.PerSecond, RenewWhenOldKey: true);

    /// <summary>Twitter 2013: a key every 12 h, erased after 36 h ("Twitter 2013", S).</summary>
    public static TicketRotatorOptions Twitter2013() =>
        new(TicketCipher.Aes128CbcHmacSha256, 12 * Nanoseconds.PerHour, 24 * Nanoseconds.PerHour, MaxKeys: 3, 36 * Nanoseconds.PerHour, RenewWhenOldKey: true);
}
