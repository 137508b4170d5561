namespace ResumeSim.Cli.Import;

/// <summary>One TLS connection as an nginx access log shows it (its first request's line).</summary>
/// <param name="Line">1-based line of the log.</param>
/// <param name="Msec">nginx <c>$msec</c>: seconds since the epoch with milliseconds, as written.</param>
/// <param name="Client">The <c>X-Client-Id</c> header when sent, otherwise <c>$remote_addr</c>.</param>
/// <param name="Reused"><c>$ssl_session_reused</c> was <c>r</c>: the handshake resumed a session.</param>
internal sealed record NginxConnection(int Line, decimal Msec, string Client, string Host, string SessionId, bool Reused);
