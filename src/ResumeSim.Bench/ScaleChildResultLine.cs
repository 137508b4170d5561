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
    public static bool IsResultLine(string line) => KeyValueResultLine.HasPrefix(line, Prefix);

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
        void AddDouble(string key, double value) => Add(key, KeyValueResultLine.Format(value));
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
        var fields = KeyValueResultLine.Read(line, Prefix, Keys, "scale result line");
        var measurement = new ScaleMeasurement(
            fields.Text("strategy"),
            "child",
            fields.Int("clients"),
            fields.Long("connections"),
            fields.Long("events"),
            fields.Long("ticket_handshakes"),
            fields.Double("wall_s"),
            fields.Double("cpu_s"),
            fields.Double("held_b_per_client"),
            fields.Double("alloc_b_per_conn"),
            fields.Double("resumption_rate"),
            fields.Double("gc_pause_s"),
            fields.Int("gen0"),
            fields.Int("gen2"));
        return new ScaleChildResult(measurement, fields.Long("peak_rss_b"), fields.Double("crypto_floor_pairs_per_s"), fields.Long("run_start_ts"), fields.Long("run_end_ts"));
    }
}
