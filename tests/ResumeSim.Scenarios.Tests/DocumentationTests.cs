using System.Text.RegularExpressions;

namespace ResumeSim.Scenarios.Tests;

/// <summary>
/// docs/scenarios.md must document every key the loader accepts (as <c>`key`</c> or <c>key:</c>).
/// The accepted keys are read from the loader's own "expected one of" messages, so a key added in
/// code without docs fails here.
/// </summary>
public sealed class DocumentationTests
{
    // Each line puts an unknown key 'zz' into one mapping of an otherwise valid scenario.
    private static readonly string[] Probes =
    [
        "zz: 1",
        "clients: {count: 1, visits: {rate: 1/h}, zz: 1}",
        "clients: {count: 1, visits: {rate: 1/h, zz: 1}}",
        "clients: {count: 1, visits: {rate: 1/h}, rtt: {fixed: 1ms, zz: 1}}",
        "clients: {count: 1, visits: {rate: 1/h}, rtt: {lognormal: {median: 1ms, sigma: 1, zz: 1}}}",
        "clients: {count: 1, visits: {rate: 1/h}, mix: [{browser: chrome, share: 1, zz: 1}]}",
        "clients: {count: 1, visits: {rate: 1/h}, popularity: {zipf: 1, zz: 1}}",
        "clients: {count: 1, visits: {rate: 1/h, diurnal: {amplitude: 0.5, zz: 1}}}",
        "clients: {count: 1, visits: {rate: 1/h}, mobile: {share: 0.1, changes: 1/h, zz: 1}}",
        "pages: {zz: 1}",
        "tls: {zz: 1}",
        "network: {zz: 1}",
        "farm: {zz: 1}",
        "costs: {fixed: 0, zz: 1}",
        "strategies: [{name: s, resumption: off, zz: 1}]",
        "strategies: [{name: s, session_ids: {capacity: 1, zz: 1}}]",
        "strategies: [{name: s, tickets: {zz: 1}}]",
        "faults: [{at: 1m, restart: server-1, zz: 1}]",
        "output: {zz: 1}",
    ];

    private const string Base = "name: t\nduration: 10m\nclients: {count: 1, visits: {rate: 1/h}}\nstrategies: [{name: n, resumption: off}]\n";

    [Fact]
    public void ScenariosDoc_DocumentsEveryAcceptedKey()
    {
        var doc = File.ReadAllText(Path.Combine(ScenarioText.RepositoryRoot(), "docs", "scenarios.md"));
        var undocumented = new List<string>();
        foreach (var probe in Probes)
        {
            var key = probe[..probe.IndexOf(':', StringComparison.Ordinal)];
            var text = string.Join('\n', Base.Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal))) + probe + "\n";
            if (key == "zz")
            {
                text = Base + probe + "\n";
            }

            var errors = ScenarioText.Errors(text);
            var unknown = errors.Single(e => e.Message.StartsWith("'zz' is not", StringComparison.Ordinal));
            var accepted = unknown.Message[(unknown.Message.IndexOf("expected one of: ", StringComparison.Ordinal) + 17)..].Split(", ");
            undocumented.AddRange(accepted.Where(k => !Regex.IsMatch(doc, $@"(?<![A-Za-z_]){Regex.Escape(k)}[`:]")).Select(k => $"{probe} -> {k}"));
        }

        Assert.Empty(undocumented);
    }
}
