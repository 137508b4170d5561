namespace ResumeSim.Tls;

/// <summary>
/// Ticket behaviour of real servers, read in their source (OpenSSL 3.0, nginx 1.22.1 and 1.23.2+, HAProxy
/// 2.6; docs/fidelity.md lists what each copies and what it leaves out).
/// </summary>
public static class ServerTicketPresets
{
    /// <summary>OpenSSL's default session timeout, also its tickets' lifetime (t1_lib.c <c>tls1_default_timeout</c>: 2 h).</summary>
    public const long OpenSslTimeoutNs = 7200 * Nanoseconds.PerSecond;

    /// <summary>nginx's default <c>ssl_session_timeout</c> (ngx_http_ssl_module.c, merge: 300 s).</summary>
    public const long NginxTimeoutNs = 300 * Nanoseconds.PerSecond;

    /// <summary>Preset names, as scenarios write them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["nginx", "nginx-1.22", "openssl", "haproxy"];

    /// <summary>
    /// A program on OpenSSL 3.0 that sets nothing: <c>SSL_CTX_new</c> draws one random key per context (name 16 B,
    /// HMAC 32 B, AES 32 B: AES-256-CBC + HMAC-SHA256) and never rotates it, so each server process seals with its
    /// own key; a ticket lives as long as the session timeout, 2 h, counted from the full handshake (a TLS 1.2
    /// resumption with the own key issues no new ticket: <c>tls_decrypt_ticket</c> returns SUCCESS, not
    /// SUCCESS_RENEW); TLS 1.3 sends 2 tickets after a full handshake and 1 after a resumption
    /// (<c>num_tickets</c>, <c>ossl_statem_server13_write_transition</c>); with early data on, every TLS 1.3
    /// ticket is single-use and stateful (anti-replay). Keys set by the application
    /// (<c>SSL_CTX_set_tlsext_ticket_keys</c>) are one key, so shared key files hold one.
    /// </summary>
    public static ServerTicketPreset OpenSsl { get; } = new(
        "openssl",
        new TicketRotatorOptions(TicketCipher.Aes256CbcHmacSha256, RotateEveryNs: 0, KeepNs: 0, MaxKeys: 1, OpenSslTimeoutNs, RenewWhenOldKey: false))
    {
        Source = "OpenSSL 3.0: ssl_lib.c SSL_CTX_new, t1_lib.c tls_decrypt_ticket and tls1_default_timeout, statem_srvr.c tls_construct_new_session_ticket, extensions_srvr.c tls_parse_ctos_psk (P)",
    };

    /// <summary>
    /// nginx 1.23.2 and later with <c>ssl_session_cache shared:</c> and no <c>ssl_session_ticket_key</c>: three
    /// 80-byte keys (AES-256-CBC + HMAC-SHA256) in the shared zone, so every worker of a server shares them;
    /// <c>ngx_ssl_rotate_ticket_keys</c> lets a key seal for about one <c>ssl_session_timeout</c> T and decrypt for
    /// about T more (two keys in each worker); a TLS 1.2 ticket found under the previous key is re-issued, a TLS 1.3
    /// one always (<c>ngx_ssl_ticket_key_callback</c> returns 2); tickets live T from the full handshake, in TLS 1.3
    /// too (<c>ngx_ssl_info_callback</c> keeps the absolute expiry); <c>ngx_ssl_create</c> sets
    /// <c>SSL_OP_NO_ANTI_REPLAY</c>, so 0-RTT tickets stay stateless. With key files all listed keys decrypt and the
    /// first seals.
    /// </summary>
    public static ServerTicketPreset Nginx(long sessionTimeoutNs) => new(
        "nginx",
        new TicketRotatorOptions(TicketCipher.Aes256CbcHmacSha256, sessionTimeoutNs, sessionTimeoutNs, MaxKeys: 2, sessionTimeoutNs, RenewWhenOldKey: true))
    {
        Tls13AbsoluteExpiry = true,
        AntiReplay = EarlyDataAntiReplay.None,
        SharedKeysHeld = 64,
        SharedKeysRenew = true,
        Source = "nginx master (>= 1.23.2): ngx_event_openssl.c ngx_ssl_session_ticket_keys, ngx_ssl_rotate_ticket_keys, ngx_ssl_ticket_key_callback, ngx_ssl_info_callback, ngx_ssl_create; ngx_http_ssl_module.c merge (ssl_session_timeout 300 s) (P)",
    };

    /// <summary>
    /// nginx 1.22.1 (Debian 12), or any nginx without a shared session cache: OpenSSL's own key, drawn when the
    /// master reads the configuration and inherited by every worker, never rotated (new on each reload); tickets
    /// live <c>ssl_session_timeout</c> from the full handshake in TLS 1.2, while OpenSSL restarts a TLS 1.3
    /// session's clock at every new ticket, so a TLS 1.3 client that comes back within T resumes indefinitely;
    /// no anti-replay (<c>SSL_OP_NO_ANTI_REPLAY</c>); every TLS 1.3 ticket's session also lands in the shared
    /// zone (<c>ngx_ssl_new_session</c> has no version check before 1.23.2).
    /// </summary>
    public static ServerTicketPreset Nginx122(long sessionTimeoutNs) => new(
        "nginx-1.22",
        new TicketRotatorOptions(TicketCipher.Aes256CbcHmacSha256, RotateEveryNs: 0, KeepNs: 0, MaxKeys: 1, sessionTimeoutNs, RenewWhenOldKey: true))
    {
        AntiReplay = EarlyDataAntiReplay.None,
        CachesStatelessTls13Sessions = true,
        SharedKeysHeld = 64,
        SharedKeysRenew = true,
        Source = "nginx 1.22.1: ngx_event_openssl.c ngx_ssl_session_ticket_keys (no key files: returns at once), ngx_ssl_session_ticket_key_callback, ngx_ssl_create; OpenSSL 3.0 statem_srvr.c tls_construct_new_session_ticket (TLS 1.3 time reset) (P)",
    };

    /// <summary>
    /// HAProxy 2.6 without <c>tls-ticket-keys</c>: OpenSSL's random key of the bind's context, one per process
    /// (shared by its threads), never rotated; <c>tune.ssl.lifetime</c> unset is 0 and not applied, so OpenSSL's
    /// 2 h holds. With <c>tls-ticket-keys</c> files, 3 keys are held, the penultimate line seals, and a ticket
    /// opened with another key is re-issued, in TLS 1.3 too, where a resumption with the sealing key gets no new
    /// ticket (<c>ssl_tlsext_ticket_key_cb</c> returns 1). <c>sh_ssl_sess_new_cb</c> stores every TLS 1.3 ticket's
    /// session in the shared cache. Its 0-RTT with OpenSSL's anti-replay and its external
    /// session cache was not read, so early data is refused for this preset.
    /// </summary>
    public static ServerTicketPreset HaProxy { get; } = new(
        "haproxy",
        new TicketRotatorOptions(TicketCipher.Aes256CbcHmacSha256, RotateEveryNs: 0, KeepNs: 0, MaxKeys: 1, OpenSslTimeoutNs, RenewWhenOldKey: false))
    {
        CachesStatelessTls13Sessions = true,
        SharedKeysHeld = 3,
        SharedKeysRenew = true,
        SharedKeysTls13RenewOnlyWithOldKey = true,
        EarlyDataModelled = false,
        Source = "HAProxy 2.6: src/ssl_sock.c ssl_tlsext_ticket_key_cb, ssl_sock_initial_ctx (tune.ssl.lifetime); src/cfgparse-ssl.c bind_parse_tls_ticket_keys; include/haproxy/defaults.h TLS_TICKETS_NO 3 (P)",
    };

    /// <summary>
    /// The preset named <paramref name="name"/> (case-insensitive) with nginx's timeout set to
    /// <paramref name="nginxTimeoutNs"/> (its <c>ssl_session_timeout</c>); false for an unknown name.
    /// </summary>
    public static bool TryGet(string name, long nginxTimeoutNs, out ServerTicketPreset preset)
    {
        ArgumentNullException.ThrowIfNull(name);
        preset = name.ToLowerInvariant() switch
        {
            "nginx" => Nginx(nginxTimeoutNs),
            "nginx-1.22" => Nginx122(nginxTimeoutNs),
            "openssl" => OpenSsl,
            "haproxy" => HaProxy,
            _ => null!,
        };
        return preset is not null;
    }
}
