using System.Globalization;
using System.Text;

namespace ResumeSim.Bench;

/// <summary>
/// The one line a child process of the scale benchmark prints on standard output:
/// <c>resumesim-scale-result/1 strategy=ids-per-server clients=20000 connections=... run_end_ts=...</c>.
/// Space-separated <c>key=value</c> pairs after a versioned prefix, numbers in the invariant culture,
/// doubles in round-trip form, so the parent reads back exactly what the child measured. Every key
/// must be present exactly once: a line cut short (a child killed while writing) is an error, never
/// a result with zeros in it.
/// </summary>
public static class ScaleChildResultLine
{
    /// <summary>The first word of a result line; the number is the format version.</summary>
    public const string Prefix = "resumesim-scale-result/1";

    private static readonly string[] Keys =
    [
        "strategy", "clients", "connections", "events", "ticket_handshakes", "wall_s", "cpu_s",
        "held_b_per_client", "alloc_b_per_conn", "resumption_rate", "gc_pause_s", "gen0", "gen2",
        "peak_rss_b", "crypto_floor_pairs_per_s", "run_start_ts", "run_end_ts",
    ];

    /// <summary>Whether a line of a child's output is its result line (other lines are progress).</summary>
    public static bool IsResultLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.StartsWith(Prefix, StringComparison.Ordinal) && (line.Length == Prefix.Length || line[Prefix.Length] == ' ');
    }

    public static string Format(ScaleChildResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var m = result.Measurement;
        if (m.Strategy.Length == 0 || m.Strategy.Any(c => char.IsWhiteSpace(c) || c == '='))
        {
            throw new ArgumentException($"strategy name '{m.Strategy}' cannot be written in a result line (it must be non-empty, without spaces or '=')", nameof(result));
        }

        var line = new StringBuilder(Prefix);
        void Add(string key, string value) => line.Append(' ').Append(key).Append('=').Append(value);
        void AddLong(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));
        void AddDouble(string key, double value) => Add(key, value.ToString("R", CultureInfo.InvariantCulture));
        Add("strategy", m.Strategy);
        AddLong("clients", m.Clients);
        AddLong("connections", m.Connections);
        AddLong("events", m.Events);
        AddLong("ticket_handshakes", m.TicketHandshakes);
        AddDouble("wall_s", m.WallSeconds);
        AddDouble("cpu_s", m.CpuSeconds);
        AddDouble("held_b_per_client", m.HeldBytesPerClient);
        AddDouble("alloc_b_per_conn", m.AllocatedBytesPerConnection);
        AddDouble("resumption_rate", m.ResumptionRate);
        AddDouble("gc_pause_s", m.GcPauseSeconds);
        AddLong("gen0", m.Gen0Collections);
        AddLong("gen2", m.Gen2Collections);
        AddLong("peak_rss_b", result.PeakRssBytes);
        AddDouble("crypto_floor_pairs_per_s", result.CryptoFloorPairsPerSecond);
        AddLong("run_start_ts", result.RunStartTimestamp);
        AddLong("run_end_ts", result.RunEndTimestamp);
        return line.ToString();
    }

    /// <summary>Reads a line written by <see cref="Format"/>; the measurement's mode is <c>child</c> until the parent sets it.</summary>
    /// <exception cref="FormatException">The line is not a complete, well-formed result line; the message says what is wrong.</exception>
    public static ScaleChildResult Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!IsResultLine(line))
        {
            throw new FormatException($"not a scale result line (expected it to start with '{Prefix} '): '{Shorten(line)}'");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"scale result line: '{pair}' is not key=value: '{Shorten(line)}'");
            }

            var key = pair[..equals];
            if (Array.IndexOf(Keys, key) < 0)
            {
                throw new FormatException($"scale result line: unknown key '{key}' (expected {string.Join(", ", Keys)}): '{Shorten(line)}'");
            }

            if (!values.TryAdd(key, pair[(equals + 1)..]))
            {
                throw new FormatException($"scale result line: '{key}' appears twice: '{Shorten(line)}'");
            }
        }

        var missing = Keys.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"scale result line is incomplete: missing {string.Join(", ", missing)}: '{Shorten(line)}'");
        }

        long Long(string key) => long.TryParse(values[key], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"scale result line: {key}='{values[key]}' is not a whole number: '{Shorten(line)}'");
        int Int(string key) => Long(key) is var v and >= int.MinValue and <= int.MaxValue
            ? (int)v
            : throw new FormatException($"scale result line: {key}='{values[key]}' is out of range: '{Shorten(line)}'");
        double Double(string key) => double.TryParse(values[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"scale result line: {key}='{values[key]}' is not a number: '{Shorten(line)}'");

        var measurement = new ScaleMeasurement(
            values["strategy"],
            "child",
            Int("clients"),
            Long("connections"),
            Long("events"),
            Long("ticket_handshakes"),
            Double("wall_s"),
            Double("cpu_s"),
            Double("held_b_per_client"),
            Double("alloc_b_per_conn"),
            Double("resumption_rate"),
            Double("gc_pause_s"),
            Int("gen0"),
            Int("gen2"));
        return new ScaleChildResult(measurement, Long("peak_rss_b"), Double("crypto_floor_pairs_per_s"), Long("run_start_ts"), Long("run_end_ts"));
    }

    private static string Shorten(string line) => line.Length <= 300 ? line : line[..300] + "...";
}
