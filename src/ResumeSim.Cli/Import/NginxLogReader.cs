using System.Globalization;
using ResumeSim.Model.Arrivals;

namespace ResumeSim.Cli.Import;

/// <summary>
/// Reads an nginx access log written with <see cref="LogFormat"/>: one line per request, fields
/// separated by single spaces. A connection's first request (<c>$connection_requests</c> = 1) stands
/// for the connection; later requests on a kept-alive connection are skipped, because resumption
/// happens once per connection.
/// </summary>
internal static class NginxLogReader
{
    /// <summary>The <c>log_format</c> the importer reads (the body, as written in nginx.conf).</summary>
    public const string LogFormat =
        "$msec $remote_addr $connection_requests $ssl_session_reused $ssl_session_id $host $http_x_client_id";

    private const int FieldCount = 7;

    // A wrong file usually fails on every line; the first few say enough.
    private const int MaxErrors = 20;

    /// <summary>
    /// The connections of the log in file order; fills <paramref name="errors"/> (<c>line: message</c>)
    /// and returns an empty list when any line is bad.
    /// </summary>
    public static List<NginxConnection> Read(TextReader reader, List<string> errors, out int skippedRequests)
    {
        skippedRequests = 0;
        var connections = new List<NginxConnection>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line && errors.Count < MaxErrors)
        {
            lineNumber++;
            var fields = line.Split(' ');
            if (fields.Length != FieldCount)
            {
                errors.Add($"{lineNumber}: {fields.Length} space-separated field(s); expected {FieldCount} as in log_format resumesim '{LogFormat}'");
                continue;
            }

            if (!decimal.TryParse(fields[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var msec))
            {
                errors.Add($"{lineNumber}: $msec {CliOptions.Echo(fields[0])} is not a time; expected seconds since the epoch such as 1764237600.123");
                continue;
            }

            if (!int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var requests) || requests < 1)
            {
                errors.Add($"{lineNumber}: $connection_requests {CliOptions.Echo(fields[2])} is not a request count; expected an integer >= 1");
                continue;
            }

            if (fields[3] is not ("r" or "."))
            {
                errors.Add($"{lineNumber}: $ssl_session_reused {CliOptions.Echo(fields[3])} is neither 'r' nor '.'; expected a TLS connection (a plain HTTP request logs '-')");
                continue;
            }

            if (requests > 1)
            {
                skippedRequests++;
                continue;
            }

            // Checked here by the trace's own rule, so that what is imported replays.
            var client = fields[6] != "-" ? fields[6] : fields[1];
            if (TraceArrivals.NameProblem(client) is { } clientProblem)
            {
                errors.Add($"{lineNumber}: client {clientProblem}");
                continue;
            }

            if (TraceArrivals.NameProblem(fields[5]) is { } hostProblem)
            {
                errors.Add($"{lineNumber}: $host {hostProblem}");
                continue;
            }

            connections.Add(new NginxConnection(lineNumber, msec, client, fields[5], fields[4], fields[3] == "r"));
        }

        if (errors.Count == 0 && connections.Count == 0)
        {
            errors.Add($"{Math.Max(1, lineNumber)}: the log holds no TLS connection; expected lines written with log_format resumesim '{LogFormat}'");
        }

        if (errors.Count > 0)
        {
            connections.Clear();
        }

        return connections;
    }
}
