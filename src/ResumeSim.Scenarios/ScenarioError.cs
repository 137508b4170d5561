namespace ResumeSim.Scenarios;

/// <summary>
/// One problem in a scenario (or cost-profile) file, at a 1-based line and column; 0:0 when the
/// problem has no position (a missing file, an override given on the command line).
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    /// <summary>The compiler-style form editors and terminals turn into links: <c>file:line:col: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
