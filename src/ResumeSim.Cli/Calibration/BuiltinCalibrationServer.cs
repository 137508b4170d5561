using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// The loopback server <c>calibrate</c> falls back on without nginx: .NET's <see cref="SslStream"/>
/// (OpenSSL underneath on Linux), one thread per listener serving one connection at a time
/// (accept, handshake, request, response, close_notify, close) on the last core, its CPU read from
/// that thread's schedstat. .NET's server resumes TLS 1.2 only by ticket (<see cref="SslServerAuthenticationOptions.AllowTlsResume"/>
/// turns tickets and the session cache on together), so it has no session-ID listener.
/// </summary>
internal sealed class BuiltinCalibrationServer : ICalibrationServer
{
    private readonly Dictionary<(ListenerRole, CertificateKind), Listener> _listeners = [];

    public BuiltinCalibrationServer(IReadOnlyList<CalibrationCertificate> certificates)
    {
        _listeners[(ListenerRole.Plain, CertificateKind.EcdsaP256)] = new Listener(ListenerRole.Plain, null);
        foreach (var certificate in certificates)
        {
            _listeners[(ListenerRole.Tls12Tickets, certificate.Kind)] = new Listener(ListenerRole.Tls12Tickets, certificate);
            _listeners[(ListenerRole.Tls13, certificate.Kind)] = new Listener(ListenerRole.Tls13, certificate);
        }
    }

    public string Description => $".NET {Environment.Version} SslStream server ({RuntimeInformation.OSDescription})";

    public string CpuSource => "/proc/<pid>/task/<server thread>/schedstat";

    public bool Supports(ListenerRole role) => role != ListenerRole.Tls12Ids;

    public int Port(ListenerRole role, CertificateKind certificate) => Find(role, certificate).Port;

    public long CpuNanoseconds(ListenerRole role, CertificateKind certificate) => KernelCpu.Nanoseconds(Find(role, certificate).Schedstat);

    public void WaitUntilIdle(ListenerRole role, CertificateKind certificate, long connectionsMade)
    {
        var listener = Find(role, certificate);
        var spins = 0;
        while (Interlocked.Read(ref listener.Served) < connectionsMade && spins++ < 5_000)
        {
            Thread.Sleep(1);
        }
    }

    public void Dispose()
    {
        foreach (var listener in _listeners.Values)
        {
            listener.Dispose();
        }
    }

    private Listener Find(ListenerRole role, CertificateKind certificate) =>
        _listeners[(role, role == ListenerRole.Plain ? CertificateKind.EcdsaP256 : certificate)];

    private sealed class Listener : IDisposable
    {
        private readonly TcpListener _socket = new(IPAddress.Loopback, 0);
        private readonly Thread _thread;
        private readonly SslServerAuthenticationOptions? _options;
        private readonly ManualResetEventSlim _ready = new();
        public long Served;

        public Listener(ListenerRole role, CalibrationCertificate? certificate)
        {
            if (certificate is not null)
            {
                _options = new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = SslStreamCertificateContext.Create(certificate.Certificate, null, offline: true),
                    EnabledSslProtocols = role == ListenerRole.Tls13 ? SslProtocols.Tls13 : SslProtocols.Tls12,
                    AllowTlsResume = true,
                };
            }

            _socket.Start();
            Port = ((IPEndPoint)_socket.LocalEndpoint).Port;
            _thread = new Thread(Serve) { IsBackground = true, Name = $"calibrate {role}" };
            _thread.Start();
            _ready.Wait();
        }

        public int Port { get; }

        public string Schedstat { get; private set; } = "";

        public void Dispose()
        {
            _socket.Stop();
            _thread.Join(TimeSpan.FromSeconds(5));
            _ready.Dispose();
        }

        private void Serve()
        {
            ThreadAffinity.PinToServerCore();
            Schedstat = KernelCpu.CurrentThreadSchedstat();
            _ready.Set();
            while (true)
            {
                Socket socket;
                try
                {
                    socket = _socket.AcceptSocket();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                try
                {
                    ServeOne(socket);
                }
                catch (Exception ex) when (ex is IOException or AuthenticationException or SocketException)
                {
                    // A broken connection still counts as served; the client reports it.
                }
                finally
                {
                    Interlocked.Increment(ref Served);
                }
            }
        }

        private void ServeOne(Socket socket)
        {
            using var network = new NetworkStream(socket, ownsSocket: true);
            if (_options is null)
            {
                LoopbackHttp.ReadRequest(network);
                network.Write(LoopbackHttp.Response);
                socket.Shutdown(SocketShutdown.Send);
                return;
            }

            using var tls = new SslStream(network);
            tls.AuthenticateAsServer(_options);
            LoopbackHttp.ReadRequest(tls);
            tls.Write(LoopbackHttp.Response);
            tls.ShutdownAsync().GetAwaiter().GetResult();
            socket.Shutdown(SocketShutdown.Send);
        }
    }
}
