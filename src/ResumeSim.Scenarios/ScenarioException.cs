namespace ResumeSim.Scenarios;

/// <summary>
/// A scenario could not be loaded. Carries every error found, not just the first, so a user fixes
/// a file in one pass (the CLI prints them all and exits with code 2).
/// </summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public ScenarioException()
        : this([])
    {
    }

    public ScenarioException(string message)
        : this([new ScenarioError("", 0, 0, message)])
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ScenarioError("", 0, 0, message)];
    }

    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string Describe(IReadOnlyList<ScenarioError> errors) =>
        errors.Count == 0 ? "scenario error" : string.Join(Environment.NewLine, errors);
}
