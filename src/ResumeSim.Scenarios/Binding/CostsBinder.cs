using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Costs;
using ResumeSim.Scenarios.Input;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// <c>costs: default</c>, <c>costs: PATH</c> (a cost-profile file relative to the scenario's folder)
/// <c>costs: {fixed: 250us}</c> or <c>costs: {exponential: 1ms}</c> (validation: an M/M/c CPU queue). The profile must price the scenario's own TLS version and
/// certificate, checked here so a run never fails half-way on a missing price.
/// </summary>
internal static class CostsBinder
{
    private const string Form = "default, a path to a cost-profile YAML file, or {fixed: 250us} ({fixed: 0} turns CPU cost off), or {exponential: 1ms} (exponential service times of that mean)";

    public static CostProfile Bind(YNode node, ProtocolConfig protocol, NamedFiles files, Issues issues)
    {
        var profile = Read(node, files, issues, out var source);
        if (profile is not null)
        {
            var missing = CostProfileReader.MissingKinds(profile, protocol.Version, protocol.Certificate);
            if (missing.Count > 0)
            {
                var version = Choices.Spell(Choices.Version, protocol.Version);
                var certificate = Choices.Spell(Choices.Certificate, protocol.Certificate);
                issues.Add(node, $"costs: {source} does not price TLS {version} {certificate} (tls.version x tls.certificate); expected handshakes.{CostProfileReader.VersionKey(protocol.Version)}.{certificate} with {string.Join(", ", missing)}");
            }

            if (!profile.TryGetKeyExchangeMicros(protocol.KeyExchange, out _))
            {
                var group = CostProfileReader.KeyExchangeKey(protocol.KeyExchange);
                issues.Add(node, $"costs: {source} does not price the {group} key exchange (tls.key_exchange); expected key_exchange: {{{group}: <extra CPU over x25519>}} in the profile");
            }
        }

        return profile ?? CostProfile.Default;
    }

    private static CostProfile? Read(YNode node, NamedFiles files, Issues issues, out string source)
    {
        source = "the cost profile";
        if (node is YMapping)
        {
            var section = Section.Open(node, "costs", ["fixed", "exponential"], issues);
            if (section is null)
            {
                return null;
            }

            var exponential = section.Get("exponential");
            if (exponential is not null && section.Has("fixed"))
            {
                issues.Add(node, $"costs: give either fixed or exponential, not both; expected {Form}");
                return null;
            }

            var timeNode = exponential ?? section.Required("fixed", "a duration such as 250us, or a bare number of microseconds");
            if (timeNode is null)
            {
                return null;
            }

            var key = exponential is null ? "costs.fixed" : "costs.exponential";
            if (!CostProfileReader.TryMicros(timeNode, key, issues, out var micros))
            {
                return null;
            }

            return exponential is null ? CostProfile.Fixed(micros) : CostProfile.Exponential(micros);
        }

        if (!Scalars.TryText(node, "costs", Form, issues, out var text))
        {
            return null;
        }

        if (text == "default")
        {
            return CostProfile.Default;
        }

        var path = files.Resolve(text);
        source = $"cost profile file {Excerpt.Quote(text)}";
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            issues.Add(node, $"costs: cost profile file {Excerpt.Quote(text)} not found ({files.LookedIn(text)}); expected {Form}");
            return null;
        }

        var before = issues.Count;
        var profile = files.Read(path, issues, own =>
        {
            var bytes = SourceText.ReadBytes(path, "cost profile", own);
            var content = bytes is null ? null : SourceText.Decode(bytes, own);
            return content is null ? null : CostProfileReader.Read(content, own);
        });
        if (issues.Count > before)
        {
            issues.Add(node, $"costs: cost profile file {Excerpt.Quote(text)} has errors (reported above)");
        }

        return profile;
    }
}
