using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Parsing;

/// <summary>
/// A mapping of the file with the keys it may hold. Opening it reports every unknown key (with the
/// closest valid key when it looks like a typo, and the list of valid ones); reads return a fallback
/// when a key is absent or its value is bad, so binding goes on and all errors are collected.
/// </summary>
internal sealed class Section
{
    private Section(YMapping node, string path, Issues issues)
    {
        Node = node;
        Path = path;
        Issues = issues;
    }

    public YMapping Node { get; }

    /// <summary>Dotted path of this mapping ("" for the top level).</summary>
    public string Path { get; }

    public Issues Issues { get; }

    private string Name => Path.Length == 0 ? "the top level" : Path;

    /// <summary>
    /// The mapping at <paramref name="node"/>, or null (after reporting) when it is something else.
    /// An empty value (<c>pages:</c> with nothing under it) reads as an empty mapping.
    /// </summary>
    public static Section? Open(YNode node, string path, IReadOnlyList<string> keys, Issues issues)
    {
        if (node is YScalar { IsNull: true })
        {
            return new Section(new YMapping(node.Line, node.Column), path, issues);
        }

        if (node is not YMapping mapping)
        {
            issues.Add(node, $"{path} is {node.Describe()}; expected a mapping with keys: {string.Join(", ", keys)}");
            return null;
        }

        var section = new Section(mapping, path, issues);
        var leaf = path.Contains('.', StringComparison.Ordinal) ? path[(path.LastIndexOf('.') + 1)..] : path;
        foreach (var entry in mapping.Entries)
        {
            if (!keys.Contains(entry.Key.Value))
            {
                var where = path.Length == 0 ? "a top-level key" : $"a key of {leaf}";
                var suggestion = KeySuggestion.Closest(entry.Key.Value, keys) is { } closest ? $" (did you mean '{closest}'?)" : "";
                issues.Add(entry.Key, $"{Excerpt.Quote(entry.Key.Value)} is not {where}{suggestion}; expected one of: {string.Join(", ", keys)}");
            }
        }

        return section;
    }

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YNode? Get(string key) => Node.Find(key)?.Value;

    public bool Has(string key) => Node.Find(key) is not null;

    /// <summary>The value of a key that must be written; a missing one is reported at this mapping's position.</summary>
    public YNode? Required(string key, string form)
    {
        var node = Get(key);
        if (node is null)
        {
            Issues.Add(Node, $"missing required key '{key}' in {Name}; expected {key}: {form}");
        }

        return node;
    }

    public long Int(string key, long fallback, long min, long max) =>
        Get(key) is { } node && Scalars.TryInt(node, Child(key), min, max, Issues, out var value) ? value : fallback;

    public double Number(string key, double fallback, double min, double max, bool minExclusive = false) =>
        Get(key) is { } node && Scalars.TryNumber(node, Child(key), min, max, minExclusive, Issues, out var value) ? value : fallback;

    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan min, TimeSpan max) =>
        Get(key) is { } node && Scalars.TryDuration(node, Child(key), min, max, Issues, out var value) ? value : fallback;

    /// <summary>A duration up to <see cref="ScenarioLimits.MaxDuration"/>, so that sums of a few stay far inside the simulated clock.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan min) => Duration(key, fallback, min, ScenarioLimits.MaxDuration);

    public bool Bool(string key, bool fallback) =>
        Get(key) is { } node && Scalars.TryBool(node, Child(key), Issues, out var value) ? value : fallback;

    public T Choice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices) =>
        Get(key) is { } node && Scalars.TryChoice(node, Child(key), choices, Issues, out var value) ? value : fallback;

    public string Text(string key, string fallback, string form) =>
        Get(key) is { } node && Scalars.TryText(node, Child(key), form, Issues, out var value) ? value : fallback;

    /// <summary>
    /// A byte count written either as a size (<c>2KB</c>) or as a bare number of bytes
    /// (<c>entry_bytes: 384</c>), within [min, max].
    /// </summary>
    public long Bytes(string key, long fallback, long min, long max)
    {
        if (Get(key) is not { } node || !Scalars.TryText(node, Child(key), Units.SizeForm, Issues, out var text))
        {
            return fallback;
        }

        if (!Units.TryParseSize(text, out var bytes, out _))
        {
            Issues.Add(node, $"{Child(key)}: {Excerpt.Quote(text)} is not a size; expected a number of bytes or {Units.SizeForm}");
            return fallback;
        }

        if (bytes < min || bytes > max)
        {
            Issues.Add(node, $"{Child(key)}: {Excerpt.Of(text)} is out of range; expected {min} to {max} bytes");
            return fallback;
        }

        return bytes;
    }
}
