using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;
using ResumeSim.Tls;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// A strategy's <c>tickets:</c> mapping. A <c>preset</c> starts from a real server's ticket behaviour
/// (<see cref="ServerTicketPresets"/>); every key written then overrides one value.
/// </summary>
internal static class TicketsBinder
{
    private static readonly IReadOnlyList<string> Keys =
    [
        "preset", "keys", "rotate", "keep", "lifetime", "cipher", "renew", "tickets_after_full", "tickets_after_resumption",
        "psk", "early_data", "anti_replay", "ticket_request_cap", "propagation",
    ];

    private static readonly IReadOnlyDictionary<string, EarlyDataAntiReplay> AntiReplay = new Dictionary<string, EarlyDataAntiReplay>
    {
        ["strike-register"] = EarlyDataAntiReplay.StrikeRegister,
        ["single-use"] = EarlyDataAntiReplay.SingleUseTickets,
        ["none"] = EarlyDataAntiReplay.None,
    };

    // RFC 8446 4.6.1: servers MUST NOT use a ticket_lifetime greater than 7 days.
    private static readonly TimeSpan MaxTls13Lifetime = TimeSpan.FromDays(7);

    // A year of simulated time is far beyond any capacity question and keeps tick arithmetic safe.
    private static readonly TimeSpan MaxTime = ScenarioLimits.MaxDuration;

    public static TicketConfig Bind(YNode node, string path, ProtocolConfig protocol, SessionIdConfig? sessionIds, Issues issues)
    {
        var section = Section.Open(node, path, Keys, issues);
        if (section is null)
        {
            return new TicketConfig();
        }

        var defaults = Preset(section, path, sessionIds, issues);
        var tls13 = protocol.Version == ProtocolVersion.Tls13;
        var config = defaults with
        {
            Keys = section.Choice("keys", defaults.Keys, Choices.Keys),
            Cipher = section.Choice("cipher", defaults.Cipher, Choices.Cipher),
            PskDhe = section.Choice("psk", defaults.PskDhe, Choices.PskDhe),
            EarlyData = section.Bool("early_data", defaults.EarlyData),
            AntiReplay = section.Choice("anti_replay", defaults.AntiReplay, AntiReplay),
            Propagation = section.Duration("propagation", defaults.Propagation, TimeSpan.Zero, MaxTime),

            // RFC 9149 section 4: a server honouring ticket requests SHOULD cap them; 16 is BoringSSL's cap.
            TicketRequestCap = (int)section.Int("ticket_request_cap", defaults.TicketRequestCap, 0, 16),
        };

        // Operator key files shared by the farm replace a server's own key: the operator rotates them, and
        // the server keeps and renews as it does with key files.
        if (config.Keys == KeyScope.Shared && defaults.Keys == KeyScope.PerServer && ServerPreset(defaults) is { } preset)
        {
            var plain = new TicketConfig();
            config = config with
            {
                Rotate = plain.Rotate,
                Keep = plain.Keep,
                MaxKeys = preset.SharedKeysHeld,
                Renew = preset.SharedKeysRenew,
                Tls13RenewOnlyWithOldKey = preset.SharedKeysTls13RenewOnlyWithOldKey,
            };
        }

        config = config with
        {
            Rotate = section.Duration("rotate", config.Rotate, TimeSpan.Zero, MaxTime),
            Keep = section.Duration("keep", config.Keep, TimeSpan.Zero, MaxTime),
            Lifetime = section.Duration("lifetime", config.Lifetime, TimeSpan.FromTicks(1), tls13 ? MaxTls13Lifetime : MaxTime),
            Renew = section.Bool("renew", config.Renew),

            // OpenSSL sends 2 after a full handshake and 1 after a resumption (SSL_CTX_set_num_tickets);
            // BoringSSL caps the count at 16 (parameters.md section 1), so larger values are typos.
            TicketsAfterFull = (int)section.Int("tickets_after_full", config.TicketsAfterFull, 0, 16),
            TicketsAfterResumption = (int)section.Int("tickets_after_resumption", config.TicketsAfterResumption, 0, 16),
        };

        Check(section, path, config, tls13, sessionIds, issues);
        return config;
    }

    /// <summary>The preset's values, or the plain defaults; nginx's lifetime is its <c>ssl_session_timeout</c>.</summary>
    private static TicketConfig Preset(Section section, string path, SessionIdConfig? sessionIds, Issues issues)
    {
        if (section.Get("preset") is not { } presetNode
            || !Scalars.TryText(presetNode, $"{path}.preset", "one of: " + string.Join(", ", ServerTicketPresets.Names), issues, out var name))
        {
            return new TicketConfig();
        }

        // One ssl_session_timeout governs nginx's session IDs and its tickets.
        var nginxTimeout = sessionIds?.Timeout ?? TimeSpan.FromTicks(ServerTicketPresets.NginxTimeoutNs / 100);
        if (!ServerTicketPresets.TryGet(name, nginxTimeout.Ticks * 100, out var preset))
        {
            issues.Add(presetNode, $"{path}.preset: {Excerpt.Quote(name)} is not a server preset; expected one of: {string.Join(", ", ServerTicketPresets.Names)}");
            return new TicketConfig();
        }

        var rotator = preset.Rotator;
        return new TicketConfig
        {
            Preset = preset.Name,
            Keys = KeyScope.PerServer,
            Rotate = TimeSpan.FromTicks(rotator.RotateEveryNs / 100),
            Keep = TimeSpan.FromTicks(rotator.KeepNs / 100),
            MaxKeys = rotator.MaxKeys,
            Lifetime = TimeSpan.FromTicks(rotator.TicketLifetimeNs / 100),
            Cipher = rotator.Cipher switch
            {
                TicketCipher.Aes128CbcHmacSha256 => TicketCipherKind.Aes128CbcHmacSha256,
                TicketCipher.Aes256Gcm => TicketCipherKind.Aes256Gcm,
                _ => TicketCipherKind.Aes256CbcHmacSha256,
            },
            Renew = rotator.RenewWhenOldKey,
            TicketsAfterFull = preset.Tls13TicketsAfterFull,
            TicketsAfterResumption = preset.Tls13TicketsAfterResumption,
            Tls13AbsoluteExpiry = preset.Tls13AbsoluteExpiry,
            CachesStatelessTls13Sessions = preset.CachesStatelessTls13Sessions,
            AntiReplay = preset.AntiReplay,
        };
    }

    private static ServerTicketPreset? ServerPreset(TicketConfig config) =>
        config.Preset is { } name && ServerTicketPresets.TryGet(name, config.Lifetime.Ticks * 100, out var preset) ? preset : null;

    private static void Check(Section section, string path, TicketConfig config, bool tls13, SessionIdConfig? sessionIds, Issues issues)
    {
        // Each push must finish before the next key is made, or servers would skip keys.
        if (section.Get("propagation") is { } propagationNode && config.Propagation > TimeSpan.Zero)
        {
            if (config.Keys != KeyScope.Shared)
            {
                issues.Add(propagationNode, $"{path}.propagation is the delay of farm-shared keys; expected keys: shared with it");
            }
            else if (config.Rotate > TimeSpan.Zero && config.Propagation >= config.Rotate)
            {
                issues.Add(propagationNode, $"{path}.propagation: {Scalars.Show(config.Propagation)} is not shorter than rotate ({Scalars.Show(config.Rotate)}); expected a propagation delay below the rotation interval");
            }
        }

        // 0-RTT exists only in TLS 1.3 (RFC 8446 4.2.10); in a 1.2 scenario it would silently do nothing.
        if (config.EarlyData && !tls13 && section.Get("early_data") is { } earlyNode)
        {
            issues.Add(earlyNode, $"{path}.early_data: true needs tls.version 1.3 (RFC 8446 4.2.10); expected false or tls.version: \"1.3\"");
        }

        if (config.EarlyData && ServerPreset(config) is { EarlyDataModelled: false } unmodelled && section.Get("early_data") is { } unmodelledNode)
        {
            issues.Add(unmodelledNode, $"{path}.early_data: 0-RTT with the {unmodelled.Name} preset is not modelled (its anti-replay with its session cache was not read in its source); expected early_data: false, or no preset");
        }

        // nginx has one ssl_session_timeout for session IDs and tickets.
        if (config.Preset is "nginx" or "nginx-1.22" && sessionIds is not null && sessionIds.Timeout != config.Lifetime
            && section.Get("lifetime") is { } lifetimeNode)
        {
            issues.Add(lifetimeNode, $"{path}.lifetime: {Scalars.Show(config.Lifetime)} differs from session_ids.timeout ({Scalars.Show(sessionIds.Timeout)}), but nginx has one ssl_session_timeout for both; expected the same value in both, or lifetime left out");
        }
    }
}
