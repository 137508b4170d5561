using System.Globalization;

namespace ResumeSim.Model.Arrivals;

/// <summary>
/// A recorded arrival trace replayed exactly: each row is one visit of one client to one host at one
/// instant. The CSV form is the header <c>time_s,client,host</c> then one row per visit, times in
/// seconds from the start of the simulation (warm-up included), rows in time order. Client and host
/// names are opaque tokens (an address, a cookie, a hostname); they are numbered 0..n-1 in order of
/// first appearance, which is the order the world's client and host arrays use. A name holding a comma
/// or a double quote is quoted as RFC 4180 has it (<see cref="TraceCsv"/>).
/// </summary>
public sealed class TraceArrivals
{
    /// <summary>The header line every trace file starts with.</summary>
    public const string Header = "time_s,client,host";

    /// <summary>Longest client or host name accepted (a hostname is at most 253 characters, RFC 1035 2.3.4).</summary>
    public const int MaxNameLength = 253;

    // A trace longer than a year is not a capacity question and would near the scenario's own limit.
    private const decimal MaxSeconds = 365m * 24 * 3600;

    // Parsing stops after this many errors: a wrong file usually fails on every line.
    private const int MaxErrors = 20;

    private readonly long[] _times;
    private readonly int[] _clients;
    private readonly int[] _hosts;

    private TraceArrivals(long[] times, int[] clients, int[] hosts, string[] clientNames, string[] hostNames)
    {
        _times = times;
        _clients = clients;
        _hosts = hosts;
        ClientNames = clientNames;
        HostNames = hostNames;
    }

    /// <summary>Rows (visits) in the trace.</summary>
    public int Count => _times.Length;

    /// <summary>Distinct clients; client i was named <c>ClientNames[i]</c> in the file.</summary>
    public int ClientCount => ClientNames.Count;

    /// <summary>Distinct hosts; host i was named <c>HostNames[i]</c> in the file.</summary>
    public int HostCount => HostNames.Count;

    public IReadOnlyList<string> ClientNames { get; }

    public IReadOnlyList<string> HostNames { get; }

    /// <summary>Time of the last row, in simulation ticks (ns).</summary>
    public long LastTicks => _times[^1];

    /// <summary>Row <paramref name="row"/>'s time in simulation ticks (ns).</summary>
    public long TimeTicks(int row) => _times[row];

    /// <summary>Row <paramref name="row"/>'s client, 0..ClientCount-1.</summary>
    public int Client(int row) => _clients[row];

    /// <summary>Row <paramref name="row"/>'s host, 0..HostCount-1.</summary>
    public int Host(int row) => _hosts[row];

    /// <summary>Reads a trace; returns null and fills <paramref name="errors"/> when the text is not a valid trace.</summary>
    public static TraceArrivals? Parse(TextReader reader, ICollection<TraceError> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var header = reader.ReadLine()?.TrimStart('\uFEFF');
        if (header != Header)
        {
            errors.Add(new TraceError(1, 1, $"the first line is {Quote(header)}; expected the header {Header}"));
            return null;
        }

        var times = new List<long>();
        var clients = new List<int>();
        var hosts = new List<int>();
        var clientIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var hostIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var previous = 0L;
        var lineNumber = 1;
        while (reader.ReadLine() is { } line && errors.Count - before < MaxErrors)
        {
            lineNumber++;
            if (!TryRow(line, lineNumber, errors, out var ticks, out var client, out var host))
            {
                continue;
            }

            if (ticks < previous)
            {
                errors.Add(new TraceError(lineNumber, 1,
                    $"time {Seconds(ticks)} s is before the previous row's {Seconds(previous)} s; expected rows in time order"));
                continue;
            }

            previous = ticks;
            times.Add(ticks);
            clients.Add(Id(clientIds, client));
            hosts.Add(Id(hostIds, host));
        }

        if (errors.Count == before && times.Count == 0)
        {
            errors.Add(new TraceError(lineNumber, 1, $"the trace has no rows; expected at least one line after the header {Header}"));
        }

        return errors.Count > before
            ? null
            : new TraceArrivals([.. times], [.. clients], [.. hosts], Names(clientIds), Names(hostIds));
    }

    private static bool TryRow(string line, int lineNumber, ICollection<TraceError> errors, out long ticks, out string client, out string host)
    {
        ticks = 0;
        client = host = "";
        var fields = new List<(string Value, int Column)>(3);
        if (!TraceCsv.TrySplit(line, fields, out var problem, out var at))
        {
            errors.Add(new TraceError(lineNumber, at, $"{Quote(line)}: {problem}"));
            return false;
        }

        if (fields.Count != 3)
        {
            errors.Add(new TraceError(lineNumber, 1, $"{Quote(line)} has {fields.Count} field(s); expected 3: {Header}, e.g. 12.5,client-1,example.com"));
            return false;
        }

        var ok = true;
        var time = fields[0].Value;
        if (!decimal.TryParse(time, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxSeconds)
        {
            errors.Add(new TraceError(lineNumber, 1, $"time_s {Quote(time)} is not a time; expected seconds from the start, a number from 0 to {MaxSeconds} such as 12.5"));
            ok = false;
        }

        ok &= TryName(fields[1], "client", lineNumber, errors);
        ok &= TryName(fields[2], "host", lineNumber, errors);
        if (ok)
        {
            ticks = (long)Math.Round(seconds * 1_000_000_000m, MidpointRounding.ToEven);
            client = fields[1].Value;
            host = fields[2].Value;
        }

        return ok;
    }

    /// <summary>
    /// Why <paramref name="name"/> cannot be a client or host name, or null when it can: a writer of
    /// traces checks its names with this before writing them.
    /// </summary>
    public static string? NameProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var ch in name)
        {
            // A space or a line break would not survive the line-based form; a control character is
            // never part of an address, a cookie or a hostname.
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                return $"{Quote(name)} holds a space or control character; expected a token such as 203.0.113.7 or www.example.com";
            }
        }

        return name.Length is 0 or > MaxNameLength
            ? $"is {(name.Length == 0 ? "empty" : "too long")}; expected 1 to {MaxNameLength} characters"
            : null;
    }

    private static bool TryName((string Value, int Column) field, string column, int lineNumber, ICollection<TraceError> errors)
    {
        if (NameProblem(field.Value) is not { } problem)
        {
            return true;
        }

        errors.Add(new TraceError(lineNumber, field.Column, $"{column} {problem}"));
        return false;
    }

    private static int Id(Dictionary<string, int> ids, string name)
    {
        if (!ids.TryGetValue(name, out var id))
        {
            id = ids.Count;
            ids.Add(name, id);
        }

        return id;
    }

    private static string[] Names(Dictionary<string, int> ids)
    {
        var names = new string[ids.Count];
        foreach (var (name, id) in ids)
        {
            names[id] = name;
        }

        return names;
    }

    private static string Seconds(long ticks) => (ticks / 1_000_000_000m).ToString(CultureInfo.InvariantCulture);

    private static string Quote(string? text) => text is null ? "missing" : $"'{(text.Length > 60 ? text[..60] + "..." : text)}'";
}
