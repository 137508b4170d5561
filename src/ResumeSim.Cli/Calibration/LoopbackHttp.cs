namespace ResumeSim.Cli.Calibration;

/// <summary>The one request and response every calibration connection carries (HTTP/1.1, Connection: close).</summary>
internal static class LoopbackHttp
{
    public static ReadOnlySpan<byte> Request => "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"u8;

    public static ReadOnlySpan<byte> Response => "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n"u8;

    /// <summary>Reads until the blank line that ends a request's headers (or the end of the stream).</summary>
    public static void ReadRequest(Stream stream)
    {
        Span<byte> buffer = stackalloc byte[512];
        var matched = 0;
        while (true)
        {
            var read = stream.Read(buffer);
            if (read == 0)
            {
                return;
            }

            foreach (var b in buffer[..read])
            {
                matched = b == "\r\n\r\n"u8[matched] ? matched + 1 : (b == (byte)'\r' ? 1 : 0);
                if (matched == 4)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Reads the response to the end of the stream (the server closes).</summary>
    public static void ReadToEnd(Stream stream)
    {
        Span<byte> buffer = stackalloc byte[512];
        while (stream.Read(buffer) > 0)
        {
        }
    }
}
