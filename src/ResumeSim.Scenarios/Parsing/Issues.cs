using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Parsing;

/// <summary>
/// Collects errors for one file. Several files (a scenario and the cost profile it names) share
/// one list, so a single <see cref="ScenarioException"/> reports them all.
/// </summary>
internal sealed class Issues
{
    private readonly List<ScenarioError> _errors;

    public Issues(string file)
        : this(file, [])
    {
    }

    private Issues(string file, List<ScenarioError> errors)
    {
        File = file;
        _errors = errors;
    }

    public string File { get; }

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public int Count => _errors.Count;

    /// <summary>Errors of another file, collected into the same list.</summary>
    public Issues ForFile(string file) => new(file, _errors);

    public void Add(int line, int column, string message)
    {
        var error = new ScenarioError(File, line, column, message);
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }
    }

    public void Add(YNode at, string message) => Add(at.Line, at.Column, message);

    public void AddRange(IEnumerable<ScenarioError> errors)
    {
        foreach (var error in errors)
        {
            if (!_errors.Contains(error))
            {
                _errors.Add(error);
            }
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ScenarioException([.. _errors]);
        }
    }
}
