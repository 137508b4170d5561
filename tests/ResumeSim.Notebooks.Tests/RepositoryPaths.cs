using System.Reflection;

namespace ResumeSim.Notebooks.Tests;

/// <summary>Where the repository, its notebooks and the libraries they load are, seen from the test assembly.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding ResumeSim.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>
    /// The build configuration this test assembly was built with ("Release" under the README's test
    /// command). <c>dotnet test</c> builds the CLI in the same configuration (the project reference),
    /// so that is the configuration whose DLLs the notebooks must load.
    /// </summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c
            ? c
            : "Release";

    /// <summary>The CLI's build output: every ResumeSim DLL plus its dependencies.</summary>
    public static string CliOutput => Path.Combine(Root, "src", "ResumeSim.Cli", "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResumeSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ResumeSim.sln above '{AppContext.BaseDirectory}'.");
    }
}
