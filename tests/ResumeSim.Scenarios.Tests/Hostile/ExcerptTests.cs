using System.Text.RegularExpressions;

namespace ResumeSim.Scenarios.Tests.Hostile;

/// <summary>
/// A long value written anywhere in a scenario (a pasted secret, a file read by mistake) comes back in
/// an error as at most <see cref="ScenarioLimits.MaxExcerptChars"/> of its characters. Every value of a
/// scenario that touches most keys is replaced in turn, so a new message that quotes a value whole fails here.
/// </summary>
public sealed partial class ExcerptTests
{
    private const string Scenario = """
        name: t
        description: d
        seed: 1
        duration: 10m
        warmup: 1m
        replications: 1
        start: empty
        clients:
          count: 100
          visits: {rate: 4/h, process: pareto, shape: 2}
          popularity: {zipf: 0.8}
          rtt: {lognormal: {median: 40ms, sigma: 0.5}}
          mix:
            - {browser: chrome, share: 1}
          churn: 0.1
          mobile: {share: 0.1, changes: 1/h}
        pages: {hosts: 1, connections: 1, http: h2, connection_wait: parallel}
        tls: {version: "1.3", certificate: ecdsa-p256, key_exchange: x25519}
        network: {initcwnd: 10, mss: 1460}
        farm: {servers: 2, cores: 2, workers: 1, balancer: round-robin}
        costs: {fixed: 100us}
        strategies:
          - name: ids
            session_ids: {store: per-server, eviction: lru, capacity: 1000, entry_bytes: 384, timeout: 5m}
          - name: tickets
            tickets: {keys: shared, rotate: 1h, keep: 2h, lifetime: 2h, cipher: aes256-gcm, early_data: false}
        faults:
          - {at: 2m, restart: server-1, down: 10s}
          - {at: 3m, surge: 2, for: 1m}
        output: {bucket: 10s, charts: [resumption], target_utilization: 0.7}
        sweep:
          farm.servers: [2, 3]
        """;

    // A value that no message could contain by accident: the marker, then 2,000 characters.
    private static readonly string Secret = "SECRETKEY" + string.Concat(Enumerable.Range(0, 400).Select(i => $"{i % 97:00}Zq{i % 7}"));

    [Fact]
    public void Scenario_IsValidAsWritten() => Assert.Equal(2, ScenarioText.Parse(Scenario).Points.Count);

    public static TheoryData<int> Values()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ValuePattern().Matches(Scenario).Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Errors_QuoteAtMostAnExcerptOfALongValue(int index)
    {
        var match = ValuePattern().Matches(Scenario)[index];
        var text = Scenario[..match.Index] + Secret + Scenario[(match.Index + match.Length)..];

        // Some values are free text (a description): written long they are valid, and nothing is echoed.
        var errors = Record.Exception(() => ScenarioText.Parse(text)) is ScenarioException e ? e.Errors : [];

        foreach (var error in errors)
        {
            Assert.True(LongestRunOfSecret(error.ToString()) <= ScenarioLimits.MaxExcerptChars, $"value {index} ('{match.Value}') echoed in: {error.ToString()[..Math.Min(300, error.ToString().Length)]}");
        }
    }

    [Theory]
    [InlineData("name")]
    [InlineData("clients")]
    [InlineData("zz")]
    public void Errors_QuoteAtMostAnExcerptOfALongKey(string key)
    {
        var text = Scenario.Replace(key + ":", Secret + ":", StringComparison.Ordinal);
        if (key == "zz")
        {
            text = Scenario + "\n" + Secret + ": 1";
        }

        foreach (var error in ScenarioText.Errors(text))
        {
            Assert.True(LongestRunOfSecret(error.ToString()) <= ScenarioLimits.MaxExcerptChars, error.ToString()[..Math.Min(300, error.ToString().Length)]);
        }
    }

    private static int LongestRunOfSecret(string message)
    {
        var longest = 0;
        for (var start = message.IndexOf("SECRET", StringComparison.Ordinal); start >= 0; start = message.IndexOf("SECRET", start + 1, StringComparison.Ordinal))
        {
            var length = 0;
            while (start + length < message.Length && length < Secret.Length && message[start + length] == Secret[length])
            {
                length++;
            }

            longest = Math.Max(longest, length);
        }

        return longest;
    }

    // Every scalar value: after "key: ", inside [..] or {..} lists, and after "- ".
    [GeneratedRegex(@"(?<=(: |\[|, ))[^\s\[\]{},:]+(?=[\s,\]}]|$)", RegexOptions.Multiline)]
    private static partial Regex ValuePattern();
}
