namespace ResumeSim.Cli;

/// <summary>The process exit codes of <c>resumesim</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run failed for a reason other than its input (an I/O error, a bug).</summary>
    public const int Failed = 1;

    /// <summary>Bad command line or bad input file: nothing was run or written.</summary>
    public const int Usage = 2;
}
