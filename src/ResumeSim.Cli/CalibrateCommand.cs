using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ResumeSim.Cli.Calibration;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim calibrate [--out FILE] [--quick] [--server auto|nginx|builtin]</c>: measures whole TLS
/// connections on this host (full and resumed, server CPU read from the kernel) against nginx when it
/// is installed, otherwise against a loopback .NET server, and writes a cost profile usable as
/// <c>costs: FILE</c>; the host's crypto primitives follow as a secondary report (docs/costs.md).
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var outFile = CliOptions.OptionalPath("--out", "Write the profile here (YAML); without it the profile is printed.");
        var quick = new Option<bool>("--quick") { Description = "3 rounds of 0.25 s batches, RSA-4096 derived: under 30 s, noisier numbers." };
        var server = new Option<string>("--server") { Description = "auto (nginx when installed, else the built-in server), nginx, or builtin.", DefaultValueFactory = _ => "auto" };
        server.AcceptOnlyFromAmong("auto", "nginx", "builtin");
        var rounds = CliOptions.OptionalInt("--rounds", "Rounds of batches (default 9, 3 with --quick).", 1, 1000);
        var between = new Option<string?>("--between-rounds") { Description = "Run 'CMD ROUND' (through /bin/sh) after each round and wait for it: validation/nginx-cpu/check.sh interleaves its trace this way." };
        var command = new Command("calibrate", "Measure whole TLS connections on this host (server CPU from the kernel) and write a cost profile.") { outFile, quick, server, rounds, between };
        command.SetAction(parsed => Execute(
            new CalibrateRequest(parsed.GetValue(outFile), parsed.GetValue(quick), parsed.GetValue(server)!, parsed.GetValue(rounds), parsed.GetValue(between)),
            output,
            error));
        return command;
    }

    private static int Execute(CalibrateRequest request, TextWriter output, TextWriter error)
    {
        var (outFile, quick, serverChoice) = (request.OutFile, request.Quick, request.Server);
        if (!KernelCpu.IsAvailable)
        {
            error.WriteLine("error: calibrate reads server CPU from /proc/<pid>/schedstat, which this system does not have (Linux only)");
            return ExitCodes.Failed;
        }

        // Before measuring, not after: the measurement takes minutes.
        if (outFile is not null && OutputLocation.CheckFile(outFile) is { } unwritable)
        {
            error.WriteLine($"error: --out {outFile}: {unwritable}; nothing was measured");
            return ExitCodes.Usage;
        }

        var progress = outFile is null ? error : output;
        var loadBefore = KernelCpu.LoadAverage();
        var kinds = quick ? new[] { CertificateKind.EcdsaP256, CertificateKind.Rsa2048 } : Enum.GetValues<CertificateKind>();
        var certificates = kinds.Select(CalibrationCertificate.Create).ToList();
        try
        {
            using var server = StartServer(serverChoice, certificates, progress, out var problem);
            if (server is null)
            {
                error.WriteLine($"error: {problem}");
                return ExitCodes.Failed;
            }

            // Nine rounds: on a shared machine the cost per connection flips between states for seconds
            // at a time (docs/costs.md); the median of five rounds was still caught by one.
            var (rounds, batch, warmup) = quick ? (3, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(100)) : (9, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500));
            rounds = request.Rounds ?? rounds;
            progress.WriteLine($"measuring whole connections against {server.Description}: {rounds} rounds of {batch.TotalSeconds:0.##} s batches per kind");
            var figures = new ConnectionBenchmark(server, certificates).Run(rounds, batch, warmup, line => progress.WriteLine("  " + line), AfterRound(request.BetweenRounds));
            var host = PrimitiveBenchmark.Measure(quick);
            var loadAfter = KernelCpu.LoadAverage();
            var cores = Environment.ProcessorCount;
            // The profile is shared with others, so it describes the machine by what it is, never by its
            // host name.
            var description = string.Create(CultureInfo.InvariantCulture,
                $"{KernelCpu.CpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString()} ({RuntimeInformation.OSDescription}, {cores} cores) on {DateTime.UtcNow:yyyy-MM-dd}, load average {loadBefore:0.##} before, {loadAfter:0.##} after");
            var derived = new List<string>();
            var provenance = $"resumesim calibrate{(quick ? " --quick" : "")}: whole connections against {server.Description}, one at a time, " +
                $"server CPU from {server.CpuSource}, medians of {rounds} batches of {batch.TotalSeconds:0.##} s, on {description}";
            var profile = ConnectionProfile.Build(figures, provenance, host, derived);
            var lines = Report(figures, derived, host, loadBefore, cores);
            return Write(profile, lines, outFile, output, error);
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private static Action<int>? AfterRound(string? command) => command is null ? null : round =>
    {
        using var hook = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"{command} {round.ToString(CultureInfo.InvariantCulture)}"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"could not run --between-rounds '{command}'");
        hook.WaitForExit();
    };

    private static ICalibrationServer? StartServer(string choice, List<CalibrationCertificate> certificates, TextWriter progress, out string problem)
    {
        problem = "";
        if (choice != "builtin")
        {
            var nginx = NginxCalibrationServer.Find();
            if (nginx is null && choice == "nginx")
            {
                problem = "--server nginx: nginx is not installed (looked on PATH and in /usr/sbin)";
                return null;
            }

            if (nginx is not null)
            {
                try
                {
                    return NginxCalibrationServer.Start(nginx, certificates);
                }
                catch (InvalidOperationException ex) when (choice == "auto")
                {
                    progress.WriteLine($"nginx would not start ({ex.Message}); using the built-in server");
                }
                catch (InvalidOperationException ex)
                {
                    problem = $"--server nginx: {ex.Message}";
                    return null;
                }
            }
            else
            {
                progress.WriteLine("nginx is not installed; using the built-in server (.NET SslStream)");
            }
        }

        return new BuiltinCalibrationServer(certificates);
    }

    private static List<string> Report(
        Dictionary<(ConnectionKind, CertificateKind), ConnectionFigure> figures, List<string> derived, PrimitiveTimings host, double load, int cores)
    {
        var lines = new List<string> { "Cost profile written by 'resumesim calibrate'; use it as `costs: FILE` in a scenario (docs/costs.md).", "Server CPU per whole connection, us (min / median / max over batches; connections; not what they should be):" };
        foreach (var ((kind, certificate), figure) in figures)
        {
            var name = kind == ConnectionKind.Plain ? "" : CostFileNames.Certificate(certificate);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {ConnectionProfile.Describe(kind),-30} {name,-10} {figure.Min,8:0.0} {figure.Median,8:0.0} {figure.Max,8:0.0}  {figure.Connections,7} {figure.Unexpected + figure.Failed,4}{(figure.Produced ? "" : "  NOT PRODUCED")}"));
        }

        if (load >= 0.5 * cores)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"WARNING: this machine was busy (load average {load:0.##} on {cores} cores): other work sharing the cores and caches inflates and scatters per-connection CPU; calibrate on an idle machine for a clean profile."));
        }

        lines.Add("Derived, not measured:");
        lines.AddRange(derived.Select(d => "  " + d));
        lines.Add("Secondary report: primitives through System.Security.Cryptography, ns per operation (this host vs the reference VM of reference/tooling.md):");
        var reference = PrimitiveTimings.Reference;
        foreach (var (name, mine, theirs) in new[]
        {
            ("ECDHE P-256 keygen+derive", host.EcdhP256, reference.EcdhP256),
            ("ECDSA P-256 sign", host.EcdsaP256Sign, reference.EcdsaP256Sign),
            ("RSA-2048 sign", host.Rsa2048Sign, reference.Rsa2048Sign),
            ("RSA-4096 sign", host.Rsa4096Sign, reference.Rsa4096Sign),
            ("AES-128-CBC 200 B", host.AesCbc128, reference.AesCbc128),
            ("HMAC-SHA256 200 B", host.HmacSha256, reference.HmacSha256),
            ("HKDF-SHA256 48 B", host.HkdfSha256, reference.HkdfSha256),
        })
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {name,-26} {mine,12:F0} ns  (reference {theirs:F0} ns, x{mine / theirs:F2})"));
        }

        return lines;
    }

    private static int Write(CostProfile profile, List<string> lines, string? outFile, TextWriter output, TextWriter error)
    {
        var yaml = CostProfileWriter.ToYaml(profile, lines);
        if (outFile is null)
        {
            output.Write(yaml);
            return ExitCodes.Ok;
        }

        try
        {
            OutputFiles.WriteTogether([(outFile, yaml)], CancellationToken.None);
        }
        catch (Exception ex) when (IoMessage.IsIo(ex))
        {
            error.WriteLine($"error: could not write '{outFile}' (nothing was written): {IoMessage.Reason(ex)}");
            return ExitCodes.Failed;
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"cost profile written to {outFile}");
        return ExitCodes.Ok;
    }

    private sealed record CalibrateRequest(string? OutFile, bool Quick, string Server, int? Rounds, string? BetweenRounds);
}
