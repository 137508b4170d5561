namespace ResumeSim.Results;

/// <summary>
/// The platform a run ran on. Recorded because results are byte-identical only per platform:
/// <c>Math.Log</c>/<c>Exp</c> come from the C library (DESIGN.md section 3).
/// </summary>
/// <param name="Os">Operating system description, for example <c>Debian GNU/Linux 12</c>.</param>
/// <param name="Arch">Process architecture, for example <c>X64</c>.</param>
/// <param name="Cores">Logical processors visible to the process.</param>
/// <param name="Dotnet">.NET runtime description, for example <c>.NET 10.0.0</c>.</param>
public sealed record MachineInfo(string Os, string Arch, int Cores, string Dotnet)
{
    /// <summary>Describes the current process's machine (the CLI calls this; the library never does on its own).</summary>
    public static MachineInfo Current() => new(
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
}
