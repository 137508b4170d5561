using ResumeSim.Model.Configuration;
using ResumeSim.Model.Presets;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Binding;

/// <summary>The <c>strategies:</c> list: each a named resumption configuration to compare.</summary>
internal static class StrategyBinder
{
    private static readonly IReadOnlyList<string> StrategyKeys = ["name", "session_ids", "tickets", "resumption"];

    private static readonly IReadOnlyList<string> SessionIdKeys =
        ["preset", "store", "eviction", "capacity", "entry_bytes", "timeout", "lookup", "nodes", "put", "node_ops", "node_timeout"];

    // Keys that describe the shared cache tier and so need store: shared.
    private static readonly IReadOnlyList<string> SharedTierKeys = ["lookup", "nodes", "put", "node_ops", "node_timeout"];

    // A year of simulated time is far beyond any capacity question and keeps tick arithmetic safe.
    private static readonly TimeSpan MaxTime = ScenarioLimits.MaxDuration;

    public static IReadOnlyList<StrategyConfig> BindAll(YNode node, ProtocolConfig protocol, Issues issues)
    {
        var strategies = new List<StrategyConfig>();
        if (node is not YSequence sequence || sequence.Items.Count == 0)
        {
            issues.Add(node, $"strategies is {node.Describe()}; expected a non-empty list of {{name: NAME, session_ids: {{...}}}}, {{name: NAME, tickets: {{...}}}} or {{name: NAME, resumption: none}}");
            return strategies;
        }

        var firstByName = new Dictionary<string, YNode>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var path = $"strategies[{i}]";
            var item = Section.Open(sequence.Items[i], path, StrategyKeys, issues);
            if (item is null)
            {
                continue;
            }

            var name = item.Required("name", Names.Form) is { } nameNode ? ScenarioBinder.ReadName(nameNode, $"{path}.name", issues) : $"strategy-{i + 1}";
            if (item.Get("name") is { } at && !firstByName.TryAdd(name, at))
            {
                var first = firstByName[name];
                issues.Add(at, $"{path}.name: {Excerpt.Quote(name)} is already the name of the strategy at {first.Line}:{first.Column}; expected unique strategy names");
            }

            strategies.Add(Bind(item, name, protocol));
        }

        return strategies;
    }

    private static StrategyConfig Bind(Section item, string name, ProtocolConfig protocol)
    {
        var path = $"strategies[{Excerpt.Of(name)}]";
        if (item.Get("resumption") is { } resumption)
        {
            // An unquoted `off` is the boolean false to a YAML 1.1 reader (PyYAML, many notebook tools),
            // so `none`, which every YAML reader keeps as text, means the same.
            if (!Scalars.TryText(resumption, $"{path}.resumption", "none or off", item.Issues, out var text) || text is not ("off" or "none"))
            {
                if (text.Length > 0)
                {
                    item.Issues.Add(resumption, $"{path}.resumption: {Excerpt.Quote(text)} is not valid; expected none or off (omit it and write session_ids or tickets to resume)");
                }
            }
            else if (item.Has("session_ids") || item.Has("tickets"))
            {
                item.Issues.Add(resumption, $"{path}: resumption: {Excerpt.Of(text)} cannot be combined with session_ids or tickets; expected one or the other");
            }

            return new StrategyConfig { Name = name };
        }

        if (!item.Has("session_ids") && !item.Has("tickets"))
        {
            item.Issues.Add(item.Node, $"{path} resumes nothing; expected session_ids: {{...}}, tickets: {{...}} (or both), or resumption: none");
        }

        var sessionIds = item.Get("session_ids") is { } ids ? SessionIds(ids, $"{path}.session_ids", item.Issues) : null;
        return new StrategyConfig
        {
            Name = name,
            SessionIds = sessionIds,
            Tickets = item.Get("tickets") is { } tickets ? TicketsBinder.Bind(tickets, $"{path}.tickets", protocol, sessionIds, item.Issues) : null,
        };
    }

    private static SessionIdConfig SessionIds(YNode node, string path, Issues issues)
    {
        var section = Section.Open(node, path, SessionIdKeys, issues);
        var config = new SessionIdConfig();
        if (section is null)
        {
            return config;
        }

        // A preset supplies the real server's values; every other key then overrides one of them.
        if (section.Get("preset") is { } presetNode && Scalars.TryText(presetNode, $"{path}.preset", "one of: " + string.Join(", ", SessionIdPresets.Names), issues, out var presetName))
        {
            if (SessionIdPresets.TryGet(presetName, out var preset))
            {
                config = preset;
            }
            else
            {
                issues.Add(presetNode, $"{path}.preset: {Excerpt.Quote(presetName)} is not a server preset; expected one of: {string.Join(", ", SessionIdPresets.Names)}");
            }
        }

        config = config with
        {
            Store = section.Choice("store", config.Store, Choices.Store),
            Eviction = section.Choice("eviction", config.Eviction, Choices.Eviction),
            EntryBytes = (int)section.Bytes("entry_bytes", config.EntryBytes, 1, 1 << 20),
            Timeout = section.Duration("timeout", config.Timeout, TimeSpan.FromTicks(1), MaxTime),
            Lookup = section.Duration("lookup", config.Lookup, TimeSpan.Zero, TimeSpan.FromSeconds(10)),
            Nodes = (int)section.Int("nodes", config.Nodes, 1, 1024),
            Put = section.Duration("put", config.Put, TimeSpan.Zero, TimeSpan.FromSeconds(10)),
            NodeTimeout = section.Duration("node_timeout", config.NodeTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(1)),
        };
        if (section.Get("node_ops") is { } opsNode && Scalars.TryRate(opsNode, $"{path}.node_ops", issues, out var ops))
        {
            config = config with { NodeOpsPerSecond = ops };
        }

        foreach (var key in SharedTierKeys)
        {
            if (config.Store != StoreScope.Shared && key != "lookup" && section.Get(key) is { } tierNode)
            {
                issues.Add(tierNode, $"{path}.{key} describes the shared cache tier; expected store: shared with it");
            }
        }

        if (section.Get("capacity") is { } capacityNode)
        {
            config = Capacity(capacityNode, $"{path}.capacity", config, issues);
        }
        else if (config.CapacityEntries == 0 && config.CapacityBytes == 0)
        {
            issues.Add(section.Node, $"missing required key 'capacity' in {path} (no preset gives one); expected capacity: 20000 (entries) or 10MB (bytes)");
        }

        // nginx and OpenSSL keep the timeout in whole seconds, and so does their preset's expiry rule.
        if (config.Preset is { } wholeSecondPreset && SessionIdPresets.TimeoutInWholeSeconds(wholeSecondPreset) && section.Get("timeout") is { } timeoutNode
            && (config.Timeout < TimeSpan.FromSeconds(1) || config.Timeout.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            issues.Add(timeoutNode, $"{path}.timeout: {Scalars.Show(config.Timeout)} is not a whole number of seconds, which preset {wholeSecondPreset} needs (its server counts its session timeout in seconds); expected e.g. 60s or 5m");
        }

        return config;
    }

    /// <summary>
    /// A bare number counts entries; a size unit makes it bytes (nginx's zone with the nginx preset,
    /// otherwise charged at entry_bytes each). nginx's own spelling (<c>32k</c>, <c>10m</c>,
    /// <c>ngx_parse_size</c>) is a size here, where no duration is meant.
    /// </summary>
    private static SessionIdConfig Capacity(YNode node, string path, SessionIdConfig config, Issues issues)
    {
        const string form = "a number of entries (e.g. 20000) or a size (e.g. 10MB, or nginx's 32k / 10m)";
        if (!Scalars.TryText(node, path, form, issues, out var text))
        {
            return config;
        }

        bool bytes = true;
        if (!Units.TryParseNginxSize(text, out var amount) && !Units.TryParseSize(text, out amount, out bytes))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a capacity; expected {form}");
            return config;
        }

        var minZone = config.Preset is { } preset ? SessionIdPresets.MinCapacityBytes(preset) : 0;
        if (bytes && amount < minZone)
        {
            issues.Add(node, $"{path}: {Excerpt.Of(text)} is below nginx's smallest zone, 8 pages of 4 KiB (ngx_http_ssl_session_cache: \"session cache is too small\"); expected a size >= 32KB");
            return config;
        }

        if (bytes && amount < config.EntryBytes)
        {
            issues.Add(node, $"{path}: {Excerpt.Of(text)} holds no session of entry_bytes {config.EntryBytes}; expected a size >= {config.EntryBytes}B");
            return config;
        }

        if (!bytes && (amount < 1 || amount > int.MaxValue))
        {
            issues.Add(node, $"{path}: {Excerpt.Of(text)} is out of range; expected from 1 to {int.MaxValue} entries");
            return config;
        }

        return bytes ? config with { CapacityBytes = amount, CapacityEntries = 0 } : config with { CapacityEntries = amount, CapacityBytes = 0 };
    }
}
