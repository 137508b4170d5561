namespace ResumeSim.Scenarios;

/// <summary>
/// One problem in a scenario (or cost-profile) file, at a 1-based line and column; 0:0 when the
/// problem has no position (a missing file, an override given on the command line).
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    /// <summary>Whether the problem is at a place in the file (line and column are 1-based then).</summary>
    public bool HasPosition => Line > 0;

    /// <summary>
    /// The compiler-style form editors and terminals turn into links: <c>file:line:col: message</c>;
    /// <c>file: message</c> for a problem with no position (a made-up <c>:0:0</c> would send an
    /// editor to a line that does not exist), and the bare message when there is no file either.
    /// </summary>
    public override string ToString() =>
        HasPosition ? $"{File}:{Line}:{Column}: {Message}"
        : File.Length > 0 ? $"{File}: {Message}"
        : Message;
}
