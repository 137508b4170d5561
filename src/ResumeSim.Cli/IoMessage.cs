namespace ResumeSim.Cli;

/// <summary>The one line a user sees for a file-system error.</summary>
internal static class IoMessage
{
    /// <summary>
    /// The exception's message on one line. .NET's messages for file errors already name the path and
    /// the operating system's reason ("Access to the path '/x' is denied.", "No space left on device : '/x'").
    /// </summary>
    public static string Reason(Exception ex) => ex.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    /// <summary>Whether <paramref name="ex"/> is a file-system error a command reports as such, rather than a bug.</summary>
    public static bool IsIo(Exception ex) => ex is IOException or UnauthorizedAccessException;
}
