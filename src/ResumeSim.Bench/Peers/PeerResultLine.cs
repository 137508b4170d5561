using System.Globalization;

namespace ResumeSim.Bench.Peers;

/// <summary>
/// The one line a peer model prints at its end:
/// <c>peer-result/1 simulator=simpy strategy=ids connections=100306 resumed=19870 cpu_core_s=57.24</c>.
/// </summary>
public static class PeerResultLine
{
    public const string Prefix = "peer-result/1";

    /// <summary>Reads the last result line of <paramref name="output"/> for <paramref name="strategyKind"/>.</summary>
    /// <exception cref="FormatException">No such line, or a value missing or malformed.</exception>
    public static PeerCounts Parse(string output, string strategyKind)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Prefix + " ", StringComparison.Ordinal))
            ?? throw new FormatException($"no '{Prefix} ...' line in the output");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        string Value(string key) => values.TryGetValue(key, out var v) ? v : throw new FormatException($"'{line}' has no {key}=");
        if (Value("strategy") != strategyKind)
        {
            throw new FormatException($"'{line}' is for strategy {Value("strategy")}, expected {strategyKind}");
        }

        long Whole(string key) => long.TryParse(Value(key), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v
            : throw new FormatException($"'{line}': {key} is not a count");
        var cpu = double.TryParse(Value("cpu_core_s"), NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c >= 0
            ? c
            : throw new FormatException($"'{line}': cpu_core_s is not a number of seconds");
        var counts = new PeerCounts(Whole("connections"), Whole("resumed"), cpu);
        if (counts.Connections == 0 || counts.Resumed > counts.Connections)
        {
            throw new FormatException($"'{line}': {counts.Resumed} resumed of {counts.Connections} connections");
        }

        return counts;
    }
}
