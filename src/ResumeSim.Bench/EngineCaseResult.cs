using System.Globalization;
using System.Text;

namespace ResumeSim.Bench;

/// <summary>
/// What one engine benchmark case measured, per repetition, and the one line a child process prints
/// for it: <c>resumesim-engine-result/1 case=mmc/BucketQueue/simulation values=... fill=... customers=... events=... wait_ms=...</c>.
/// </summary>
public sealed class EngineCaseResult
{
    /// <summary>The first word of a result line; the number is the format version.</summary>
    public const string Prefix = "resumesim-engine-result/1";

    private static readonly string[] Keys = ["case", "values", "fill", "customers", "events", "wait_ms"];

    /// <summary>What one case measured.</summary>
    public EngineCaseResult(string name, IReadOnlyList<double> values, IReadOnlyList<double> fillSeconds, long customers, long events, double meanWaitMs)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(fillSeconds);
        Case = name;
        Values = values;
        FillSeconds = fillSeconds;
        Customers = customers;
        Events = events;
        MeanWaitMs = meanWaitMs;
    }

    /// <summary>The case's name.</summary>
    public string Case { get; }

    /// <summary>Per repetition: ns per hold (hold model) or wall seconds of the run (M/M/8).</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Per repetition: seconds to enqueue the hold model's population (0 for M/M/8).</summary>
    public IReadOnlyList<double> FillSeconds { get; }

    /// <summary>Customers of one M/M/8 run (0 for the hold model), so the parent can check the child ran its size.</summary>
    public long Customers { get; }

    /// <summary>Events dispatched in one M/M/8 run (0 for the hold model).</summary>
    public long Events { get; }

    /// <summary>Simulated mean wait of the last M/M/8 run, ms (0 for the hold model).</summary>
    public double MeanWaitMs { get; }

    /// <summary>This result as one line, doubles in round-trip form.</summary>
    public string Format()
    {
        var line = new StringBuilder(Prefix);
        line.Append(" case=").Append(Case);
        line.Append(" values=").AppendJoin(',', Values.Select(KeyValueResultLine.Format));
        line.Append(" fill=").AppendJoin(',', FillSeconds.Select(KeyValueResultLine.Format));
        line.Append(" customers=").Append(Customers.ToString(CultureInfo.InvariantCulture));
        line.Append(" events=").Append(Events.ToString(CultureInfo.InvariantCulture));
        line.Append(" wait_ms=").Append(KeyValueResultLine.Format(MeanWaitMs));
        return line.ToString();
    }

    /// <summary>Reads a line written by <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">Not a complete, well-formed result line; the message says what is wrong.</exception>
    public static EngineCaseResult Parse(string line)
    {
        var fields = KeyValueResultLine.Read(line, Prefix, Keys, "bench engine result line");
        var values = fields.Doubles("values");
        var fill = fields.Doubles("fill");
        if (fill.Length != values.Length)
        {
            throw new FormatException($"bench engine result line: {values.Length} values but {fill.Length} fill times: '{line}'");
        }

        return new EngineCaseResult(fields.Text("case"), values, fill, fields.Long("customers"), fields.Long("events"), fields.Double("wait_ms"));
    }
}
