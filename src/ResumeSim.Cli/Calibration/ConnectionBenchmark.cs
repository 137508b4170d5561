using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Authentication;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// Measures whole connections against a loopback server, one at a time, the client on other cores
/// than the server (<see cref="ThreadAffinity"/>): for each kind and
/// certificate, batches of connections for a fixed time, the server's CPU read from the kernel
/// before and after each batch (so a batch's CPU includes accepting, the handshake, the request,
/// the response, logging and closing). Kinds are interleaved in every round, so drift in the
/// machine's load falls on all of them alike; a warm-up round runs first and is not kept.
/// </summary>
internal sealed class ConnectionBenchmark(ICalibrationServer server, IReadOnlyList<CalibrationCertificate> certificates)
{
    private readonly Dictionary<(ListenerRole, CertificateKind), long> _made = [];
    private long _hostCounter;

    public static ListenerRole RoleOf(ConnectionKind kind) => kind switch
    {
        ConnectionKind.Plain => ListenerRole.Plain,
        ConnectionKind.Tls12FullId or ConnectionKind.Tls12ResumedId => ListenerRole.Tls12Ids,
        ConnectionKind.Tls12FullTicket or ConnectionKind.Tls12ResumedTicket => ListenerRole.Tls12Tickets,
        _ => ListenerRole.Tls13,
    };

    public static bool Resumes(ConnectionKind kind) =>
        kind is ConnectionKind.Tls12ResumedId or ConnectionKind.Tls12ResumedTicket or ConnectionKind.Tls13PskDhe;

    /// <summary>Every kind the server can produce, per certificate (the plain kind once, under ECDSA).</summary>
    public IReadOnlyList<(ConnectionKind Kind, CertificateKind Certificate)> Plan()
    {
        var plan = new List<(ConnectionKind, CertificateKind)> { (ConnectionKind.Plain, CertificateKind.EcdsaP256) };
        foreach (var certificate in certificates)
        {
            foreach (var kind in Enum.GetValues<ConnectionKind>())
            {
                if (kind != ConnectionKind.Plain && server.Supports(RoleOf(kind)))
                {
                    plan.Add((kind, certificate.Kind));
                }
            }
        }

        return plan;
    }

    /// <param name="afterRound">Called with the round's number after each round (calibrate's --between-rounds).</param>
    public Dictionary<(ConnectionKind, CertificateKind), ConnectionFigure> Run(int rounds, TimeSpan batch, TimeSpan warmup, Action<string> progress, Action<int>? afterRound = null)
    {
        var plan = Plan();
        var figures = plan.ToDictionary(p => p, _ => new ConnectionFigure());
        var previous = ThreadAffinity.PinAwayFromServerCore();
        try
        {
            foreach (var (kind, certificate) in plan)
            {
                Batch(kind, certificate, warmup);
            }

            for (var round = 1; round <= rounds; round++)
            {
                progress($"round {round} of {rounds}");
                foreach (var (kind, certificate) in plan)
                {
                    var (micros, connections, unexpected, failed) = Batch(kind, certificate, batch);
                    figures[(kind, certificate)].Add(micros, connections, unexpected, failed);
                }

                afterRound?.Invoke(round);
            }
        }
        finally
        {
            ThreadAffinity.Restore(previous);
        }

        return figures;
    }

    private (double Micros, long Connections, long Unexpected, long Failed) Batch(ConnectionKind kind, CertificateKind certificate, TimeSpan length)
    {
        var role = RoleOf(kind);
        var port = server.Port(role, certificate);
        var der = certificates.FirstOrDefault(c => c.Kind == certificate)?.DerLength ?? 0;
        var made = _made.GetValueOrDefault((role, certificate));
        var resumeHost = $"r{Interlocked.Increment(ref _hostCounter)}.localhost";
        if (Resumes(kind))
        {
            // The full handshake that leaves the session to resume; not part of the batch.
            Try(port, role, resumeHost, der, out _);
            made++;
        }

        server.WaitUntilIdle(role, certificate, made);
        var before = server.CpuNanoseconds(role, certificate);
        long connections = 0, unexpected = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        while ((clock.Elapsed < length || connections == 0) && failed < 50)
        {
            var host = Resumes(kind) ? resumeHost : $"f{Interlocked.Increment(ref _hostCounter)}.localhost";
            made++;
            if (!Try(port, role, host, der, out var resumed))
            {
                failed++;
                continue;
            }

            connections++;
            if (role != ListenerRole.Plain && resumed != Resumes(kind))
            {
                unexpected++;
            }
        }

        server.WaitUntilIdle(role, certificate, made);
        var cpu = server.CpuNanoseconds(role, certificate) - before;
        _made[(role, certificate)] = made;
        return (cpu / 1000.0 / Math.Max(1, connections), connections, unexpected, failed);
    }

    private static bool Try(int port, ListenerRole role, string host, int der, out bool resumed)
    {
        try
        {
            resumed = CalibrationClient.Connect(port, role, host, der);
            return true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException)
        {
            resumed = false;
            return false;
        }
    }
}
