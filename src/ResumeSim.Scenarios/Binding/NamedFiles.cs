using ResumeSim.Scenarios.Parsing;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// The files a scenario names (cost profiles, traces), resolved from the scenario's folder and read at
/// most once per load: every sweep point binds the whole file again, and reading a 1 MiB profile or a
/// large trace once per point would multiply the work by the points of the grid.
/// </summary>
internal sealed class NamedFiles(string baseDirectory)
{
    private readonly Dictionary<string, (object? Value, ScenarioError[] Errors)> _read = new(StringComparer.Ordinal);

    /// <summary>Folder that relative paths in the scenario start from.</summary>
    public string BaseDirectory { get; } = baseDirectory;

    public string Resolve(string written) => Path.IsPathRooted(written) ? written : Path.Combine(BaseDirectory, written);

    /// <summary>Where a path written in the scenario was looked for, for a "not found" error.</summary>
    public string LookedIn(string written) => Path.IsPathRooted(written) ? "an absolute path" : $"looked in {BaseDirectory}";

    /// <summary>
    /// The value <paramref name="read"/> makes of <paramref name="path"/>, made on the first call only;
    /// its errors (in <paramref name="path"/>'s own list) are added to <paramref name="issues"/> on every call.
    /// </summary>
    public T? Read<T>(string path, Issues issues, Func<Issues, T?> read)
        where T : class
    {
        var key = Path.GetFullPath(path);
        if (!_read.TryGetValue(key, out var entry))
        {
            var own = new Issues(path);
            var value = read(own);
            entry = (value, [.. own.Errors]);
            _read[key] = entry;
        }

        issues.ForFile(path).AddRange(entry.Errors);
        return (T?)entry.Value;
    }
}
