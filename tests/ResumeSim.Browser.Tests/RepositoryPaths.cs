namespace ResumeSim.Browser.Tests;

internal static class RepositoryPaths
{
    /// <summary>The folder holding ResumeSim.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ResumeSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ResumeSim.sln not found above " + AppContext.BaseDirectory);
    }
}
