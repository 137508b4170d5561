namespace ResumeSim.Cli;

/// <summary>
/// How to start this program again as a child process (the <c>--child</c> runs of <c>bench scale</c> and <c>bench engine</c>).
/// Run through its apphost (<c>dotnet run --project src/ResumeSim.Cli</c>, or <c>bin/.../resumesim</c>)
/// the process is the program itself; run as <c>dotnet path/resumesim.dll</c>, or hosted by another
/// process such as a test host, the program is its assembly, started through the <c>dotnet</c> host.
/// </summary>
internal sealed record ResumesimExecutable(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>The executable of the running program.</summary>
    /// <remarks>
    /// The assembly's path is built from <see cref="AppContext.BaseDirectory"/> and its name, not read
    /// from <c>Assembly.Location</c>, which is empty in the Native AOT build (there is no
    /// <c>resumesim.dll</c>; that process is the program itself, the first case of <see cref="Resolve"/>).
    /// </remarks>
    public static ResumesimExecutable Current() => Resolve(
        Environment.ProcessPath,
        Path.Combine(AppContext.BaseDirectory, typeof(ResumesimExecutable).Assembly.GetName().Name + ".dll"),
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"));

    /// <param name="processPath">This process's executable (<see cref="Environment.ProcessPath"/>).</param>
    /// <param name="assemblyPath">The CLI's own assembly, <c>resumesim.dll</c> (not the entry assembly, which is the test host's under tests).</param>
    /// <param name="dotnetHostPath">The SDK's <c>DOTNET_HOST_PATH</c>, set under <c>dotnet test</c> and <c>dotnet run</c>.</param>
    public static ResumesimExecutable Resolve(string? processPath, string assemblyPath, string? dotnetHostPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyPath);
        var program = Path.GetFileNameWithoutExtension(assemblyPath);
        var process = processPath is null ? null : Path.GetFileNameWithoutExtension(processPath);
        if (process is not null && string.Equals(process, program, StringComparison.OrdinalIgnoreCase))
        {
            return new ResumesimExecutable(processPath!, []);
        }

        // The dotnet host running us, or the one the SDK names, or the one on PATH.
        var host = string.Equals(process, "dotnet", StringComparison.OrdinalIgnoreCase)
            ? processPath!
            : string.IsNullOrEmpty(dotnetHostPath) ? "dotnet" : dotnetHostPath;
        return new ResumesimExecutable(host, [assemblyPath]);
    }
}
