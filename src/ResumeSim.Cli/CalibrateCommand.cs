using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using ResumeSim.Cli.Calibration;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim calibrate [--out FILE] [--quick]</c>: measures this host's cryptographic primitives and
/// writes a cost profile usable as <c>costs: FILE</c> (docs/costs.md explains the model).
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var outFile = new Option<string?>("--out") { Description = "Write the profile here (YAML); without it the profile is printed." };
        var quick = new Option<bool>("--quick") { Description = "Fewer repetitions: seconds instead of about a minute, noisier numbers." };
        var command = new Command("calibrate", "Measure this host's ECDHE, signatures, AES, HMAC and HKDF and write a cost profile.") { outFile, quick };
        command.SetAction(parsed => Execute(parsed.GetValue(outFile), parsed.GetValue(quick), output, error));
        return command;
    }

    private static int Execute(string? outFile, bool quick, TextWriter output, TextWriter error)
    {
        var host = PrimitiveBenchmark.Measure(quick);
        var reference = PrimitiveTimings.Reference;
        var description = $"{Environment.MachineName} ({RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}) on {DateTime.UtcNow:yyyy-MM-dd}";
        var profile = CalibratedProfile.Build(host, reference, description);
        var lines = new List<string> { "Cost profile written by 'resumesim calibrate'; use it as `costs: FILE` in a scenario.", "Measured primitives (ns per operation, this host vs the reference VM):" };
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

        var yaml = CostProfileWriter.ToYaml(profile, lines);
        if (outFile is null)
        {
            output.Write(yaml);
            return ExitCodes.Ok;
        }

        try
        {
            var temp = outFile + ".tmp";
            File.WriteAllText(temp, yaml);
            File.Move(temp, outFile, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: could not write '{outFile}': {ex.Message}");
            return ExitCodes.Failed;
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"cost profile written to {outFile}");
        return ExitCodes.Ok;
    }
}
