using System.Diagnostics;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// The README's everyday way in: <c>dotnet pack</c> the CLI as a .NET tool, <c>dotnet tool install</c>
/// it, run <c>resumesim</c>. Everything happens in a scratch folder (packages, tool path, NuGet cache),
/// so the test neither reads nor changes the user's installed tools.
/// </summary>
public sealed class ToolInstallTests
{
    // Slow on purpose: it starts the real SDK for pack and tool install, then the tool: 5 s on a
    // quiet two-core VM, 36 s with its load average at 30. It packs the same tool framework-dependent
    // instead of with Native AOT (whose compile and link take minutes, and make the pack a second
    // `dotnet pack --use-current-runtime`) and without building the referenced projects (the test run
    // has just built them). The native pack, install and run are checked by CI (.ci/run, with
    // validation/identical/binaries.sh) and measured in docs/performance.md, "Native AOT".
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    [Trait("Category", "Slow")]
    public void PackInstallAndValidate_TheInstalledCommandChecksAShippedScenario()
    {
        using var temp = new TempFolder();
        var feed = Path.Combine(temp.Path, "feed");
        var tools = Path.Combine(temp.Path, "tools");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var project = Path.Combine(RepositoryPaths.Root, "src", "ResumeSim.Cli", "ResumeSim.Cli.csproj");
        var nugetConfig = temp.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        Run(temp.Path, privateNuGetCache: false, "dotnet", "pack", project, "-c", configuration, "-o", feed, "--no-restore",
            "-p:PublishAot=false", "-p:SelfContained=false", "-p:BuildProjectReferences=false");
        Assert.Contains(Directory.GetFiles(feed, "*.nupkg"), p => Path.GetFileName(p) == "ResumeSim.Cli.0.1.0.nupkg");

        Run(temp.Path, privateNuGetCache: true, "dotnet", "tool", "install", "--tool-path", tools, "--configfile", nugetConfig, "ResumeSim.Cli");
        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "resumesim.exe" : "resumesim");
        var scenario = Path.Combine(RepositoryPaths.Root, "scenarios", "quickstart.yaml");

        var stdout = Run(temp.Path, privateNuGetCache: false, command, "validate", scenario);

        Assert.Equal(
            $"{scenario}: ok: scenario 'quickstart', 4 strategies, 1 sweep point(s), 3 replication(s), 20000 clients, 4 servers x 8 cores",
            stdout.Trim());
    }

    private static string Run(string workingDirectory, bool privateNuGetCache, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under 'dotnet test', whose MSBuild settings would steer the child SDK.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        if (privateNuGetCache)
        {
            // A package of the same version from an earlier pack must not be taken from the cache.
            start.Environment["NUGET_PACKAGES"] = Path.Combine(workingDirectory, "nuget-packages");
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} took over {StepTimeout.TotalMinutes} minutes");
        }

        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
