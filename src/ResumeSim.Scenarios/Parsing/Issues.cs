using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Parsing;

/// <summary>
/// Collects errors for one file. Several files (a scenario and the cost profile it names) share
/// one list, so a single <see cref="ScenarioException"/> reports them all. The list holds at most
/// <see cref="ScenarioLimits.MaxErrorsShown"/> errors and counts the rest: a hostile file can make an
/// error per key, and a hundred already say what is wrong.
/// </summary>
internal sealed class Issues
{
    private readonly Store _store;

    public Issues(string file)
        : this(file, new Store())
    {
    }

    private Issues(string file, Store store)
    {
        File = file;
        _store = store;
    }

    public string File { get; }

    public IReadOnlyList<ScenarioError> Errors => _store.Errors;

    /// <summary>Errors found, including those not listed.</summary>
    public int Count => _store.Errors.Count + _store.Hidden;

    /// <summary>Errors of another file, collected into the same list.</summary>
    public Issues ForFile(string file) => new(file, _store);

    public void Add(int line, int column, string message) => _store.Add(new ScenarioError(File, line, column, message));

    public void Add(YNode at, string message) => Add(at.Line, at.Column, message);

    public void AddRange(IEnumerable<ScenarioError> errors)
    {
        foreach (var error in errors)
        {
            _store.Add(error);
        }
    }

    public void ThrowIfAny()
    {
        if (Count > 0)
        {
            throw new ScenarioException(_store.Hidden == 0
                ? [.. _store.Errors]
                : [.. _store.Errors, new ScenarioError(File, 0, 0, $"{_store.Hidden} more errors not listed (at most {ScenarioLimits.MaxErrorsShown} are); expected a scenario file: is this the right file?")]);
        }
    }

    private sealed class Store
    {
        private readonly HashSet<ScenarioError> _seen = [];

        public List<ScenarioError> Errors { get; } = [];

        public int Hidden { get; private set; }

        public void Add(ScenarioError error)
        {
            if (Errors.Count >= ScenarioLimits.MaxErrorsShown)
            {
                // Counted unless it repeats a listed one; repeats among the unlisted are not worth a set that could grow without bound.
                Hidden += _seen.Contains(error) ? 0 : 1;
                return;
            }

            if (_seen.Add(error))
            {
                Errors.Add(error);
            }
        }
    }
}
