namespace ResumeSim.Cli;

/// <summary>The composition root of the <c>resumesim</c> command.</summary>
internal static class CliApp
{
    public static int Run(string[] args)
    {
        _ = args;
        return 0;
    }
}
