using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// Real nginx on loopback, configured as validation/nginx-cpu does: one process (<c>master_process
/// off</c>, so the process started is the one that serves), pinned to the last core when there is more
/// than one, per certificate a TLS 1.2 listener with session IDs (tickets off, a shared cache), one
/// with tickets, one with TLS 1.3, and a plain HTTP listener; X25519; one request per connection; an
/// access log. Its CPU is read from <c>/proc/&lt;pid&gt;/schedstat</c>. Everything lives in a temporary
/// folder removed on dispose; the process started is killed by its id.
/// </summary>
internal sealed class NginxCalibrationServer : ICalibrationServer
{
    private readonly Dictionary<(ListenerRole, CertificateKind), int> _ports = [];
    private readonly string _folder;
    private readonly Process _process;

    private NginxCalibrationServer(string binary, string version, IReadOnlyList<CalibrationCertificate> certificates)
    {
        _folder = Directory.CreateTempSubdirectory("resumesim-calibrate-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "tmp"));
        _ports[(ListenerRole.Plain, CertificateKind.EcdsaP256)] = FreePort();
        foreach (var certificate in certificates)
        {
            var name = CostFileNames.Certificate(certificate.Kind);
            File.WriteAllText(Path.Combine(_folder, name + ".pem"), certificate.CertificatePem);
            File.WriteAllText(Path.Combine(_folder, name + ".key"), certificate.KeyPem);
            foreach (var role in new[] { ListenerRole.Tls12Ids, ListenerRole.Tls12Tickets, ListenerRole.Tls13 })
            {
                _ports[(role, certificate.Kind)] = FreePort();
            }
        }

        var config = Path.Combine(_folder, "nginx.conf");
        File.WriteAllText(config, Config());
        Description = version;
        _process = Process.Start(new ProcessStartInfo(binary, ["-p", _folder, "-c", config, "-e", Path.Combine(_folder, "error.log")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"could not start {binary}");
        if (ThreadAffinity.CanPin && OperatingSystem.IsLinux())
        {
            _process.ProcessorAffinity = (nint)(1L << ThreadAffinity.ServerCore);
        }

        WaitForListener(_ports[(ListenerRole.Plain, CertificateKind.EcdsaP256)]);
    }

    public string Description { get; }

    public string CpuSource => "/proc/<nginx pid>/schedstat";

    /// <summary>nginx's path when it is installed (on PATH, or Debian's /usr/sbin/nginx), else null.</summary>
    public static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/sbin"))
        {
            var candidate = Path.Combine(folder, "nginx");
            if (folder.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts nginx; throws <see cref="InvalidOperationException"/> with nginx's own words when it will not run.</summary>
    public static NginxCalibrationServer Start(string binary, IReadOnlyList<CalibrationCertificate> certificates)
    {
        using var probe = Process.Start(new ProcessStartInfo(binary, ["-V"]) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"could not run {binary} -V");
        var text = probe.StandardError.ReadToEnd();
        probe.WaitForExit();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var version = lines.FirstOrDefault(l => l.StartsWith("nginx version:", StringComparison.Ordinal))?["nginx version:".Length..].Trim() ?? "nginx";
        var openssl = lines.FirstOrDefault(l => l.StartsWith("built with", StringComparison.Ordinal)) ?? "";
        return new NginxCalibrationServer(binary, $"{version} ({openssl})", certificates);
    }

    public bool Supports(ListenerRole role) => true;

    public int Port(ListenerRole role, CertificateKind certificate) =>
        _ports[(role, role == ListenerRole.Plain ? CertificateKind.EcdsaP256 : certificate)];

    public long CpuNanoseconds(ListenerRole role, CertificateKind certificate) => KernelCpu.Nanoseconds(KernelCpu.ProcessSchedstat(_process.Id));

    /// <summary>nginx closes and logs right after the response; its event loop needs a moment to get there.</summary>
    public void WaitUntilIdle(ListenerRole role, CertificateKind certificate, long connectionsMade) => Thread.Sleep(20);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private void WaitForListener(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                var problem = File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";
                throw new InvalidOperationException($"nginx exited at start (code {_process.ExitCode}): {_process.StandardError.ReadToEnd()}{problem}".Trim());
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                LoopbackHttp.ReadToEnd(WithRequest(client.GetStream()));
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"nginx did not listen on 127.0.0.1:{port} within 5 s");
    }

    private static NetworkStream WithRequest(NetworkStream stream)
    {
        stream.Write(LoopbackHttp.Request);
        return stream;
    }

    private string Config()
    {
        var f = _folder;
        var text = new StringBuilder();
        text.Append($$"""
            daemon off;
            master_process off;
            pid {{f}}/nginx.pid;
            error_log {{f}}/error.log notice;
            events { worker_connections 256; }
            http {
                client_body_temp_path {{f}}/tmp/body;
                proxy_temp_path {{f}}/tmp/proxy;
                fastcgi_temp_path {{f}}/tmp/fastcgi;
                uwsgi_temp_path {{f}}/tmp/uwsgi;
                scgi_temp_path {{f}}/tmp/scgi;
                log_format calibrate '$msec $remote_addr $connection_requests $ssl_session_reused $ssl_session_id $host';
                access_log {{f}}/access.log calibrate;
                keepalive_timeout 0;
                server { listen 127.0.0.1:{{_ports[(ListenerRole.Plain, CertificateKind.EcdsaP256)]}}; location / { return 200 "ok\n"; } }

            """);
        foreach (var ((role, certificate), port) in _ports)
        {
            if (role == ListenerRole.Plain)
            {
                continue;
            }

            var name = CostFileNames.Certificate(certificate);
            var (protocols, tickets, cache) = role switch
            {
                ListenerRole.Tls12Ids => ("TLSv1.2", "off", "shared:SSL:10m"),
                ListenerRole.Tls12Tickets => ("TLSv1.2", "on", "none"),
                _ => ("TLSv1.3", "on", "none"),
            };
            text.Append($$"""
                    server {
                        listen 127.0.0.1:{{port}} ssl;
                        ssl_certificate {{f}}/{{name}}.pem;
                        ssl_certificate_key {{f}}/{{name}}.key;
                        ssl_protocols {{protocols}};
                        ssl_session_tickets {{tickets}};
                        ssl_session_cache {{cache}};
                        ssl_session_timeout 300s;
                        ssl_ecdh_curve X25519;
                        location / { return 200 "ok\n"; }
                    }

                """);
        }

        return text.Append("}\n").ToString();
    }
}
