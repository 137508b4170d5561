using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// The client side of a calibration connection, .NET's <see cref="SslStream"/>: connect, handshake,
/// one request, read the response to the end, close. .NET keeps client sessions per target host
/// (<see cref="SslClientAuthenticationOptions.AllowTlsResume"/>), so a connection offers a session
/// exactly when an earlier one to the same host name left one. Whether the server resumed is read
/// from the bytes it sent during the handshake: a full handshake's flight holds the certificate.
/// </summary>
internal static class CalibrationClient
{
    /// <summary>One connection; true when the handshake was a resumption (always false for plain TCP).</summary>
    public static bool Connect(int port, ListenerRole role, string host, int certificateDerLength)
    {
        using var client = new TcpClient { NoDelay = true };
        client.Connect(IPAddress.Loopback, port);
        var network = client.GetStream();
        if (role == ListenerRole.Plain)
        {
            network.Write(LoopbackHttp.Request);
            LoopbackHttp.ReadToEnd(network);
            return false;
        }

        var counting = new CountingStream(network);
        using var tls = new SslStream(counting, leaveInnerStreamOpen: false);
        tls.AuthenticateAsClient(new SslClientAuthenticationOptions
        {
            TargetHost = host,
            EnabledSslProtocols = role == ListenerRole.Tls13 ? SslProtocols.Tls13 : SslProtocols.Tls12,
            AllowTlsResume = true,

            // Self-signed loopback certificates; the server's work does not depend on this choice.
            RemoteCertificateValidationCallback = static (_, _, _, _) => true,
        });
        var resumed = counting.BytesRead < certificateDerLength;
        tls.Write(LoopbackHttp.Request);
        LoopbackHttp.ReadToEnd(tls);
        return resumed;
    }

    /// <summary>Counts the bytes read through it.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
