using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Sweeps;

/// <summary>
/// Sweeps work on the YAML tree, not on the records: each grid point is a copy of the file's tree
/// with one scalar replaced per sweep key, then bound and validated like any file. So any scalar
/// written in the file can be swept and every point gets the same checks as a hand-written file.
/// </summary>
internal static class SweepExpander
{
    /// <summary>Dotted parts of a sweep key: twice the deepest nesting, for names that contain dots.</summary>
    private const int MaxSegments = 2 * ScenarioLimits.MaxDepth;

    private const string PathForm = "a dotted path to a single value written in the file, e.g. farm.servers, clients.visits.rate, strategies.NAME.tickets.rotate or strategies.*.session_ids.capacity";

    public static List<SweepEntry> ReadEntries(YNode node, Issues issues)
    {
        var axes = new List<SweepEntry>();
        if (node is not YMapping mapping || mapping.Entries.Count == 0)
        {
            issues.Add(node, $"sweep is {node.Describe()}; expected a mapping of dotted paths to lists of values, e.g. farm.servers: [2, 4, 8]");
            return axes;
        }

        foreach (var entry in mapping.Entries)
        {
            var values = new List<YScalar>();
            if (entry.Value is YSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    if (item is YScalar { IsNull: false } scalar)
                    {
                        values.Add(scalar);
                    }
                    else
                    {
                        issues.Add(item, $"sweep.{Excerpt.Of(entry.Key.Value)}: {item.Describe()} in the list; expected single values such as 4 or 5m");
                    }
                }
            }

            if (values.Count == 0 && entry.Value is not YSequence { Items.Count: > 0 })
            {
                issues.Add(entry.Value, $"sweep.{Excerpt.Of(entry.Key.Value)} is {entry.Value.Describe()}; expected a non-empty list of values, e.g. [2, 4, 8]");
            }

            // A path has a segment per level it descends, and resolving tries every run of segments.
            if (entry.Key.Value.Count(c => c == '.') >= MaxSegments)
            {
                issues.Add(entry.Key, $"sweep key {Excerpt.Quote(entry.Key.Value)} has more than the limit of {MaxSegments} dotted parts; expected {PathForm}");
                continue;
            }

            axes.Add(new SweepEntry(entry.Key.Value, entry.Key, values));
        }

        return axes;
    }

    /// <summary>
    /// A setter for the scalar that <paramref name="axis"/> names in <paramref name="root"/>, or null
    /// (reported at the sweep key when <paramref name="issues"/> is given). Mapping keys match by
    /// name, list items by their <c>name:</c> or by 0-based index; a name containing dots is tried
    /// as a whole before its parts.
    /// </summary>
    public static Action<YNode>? Resolve(YMapping root, SweepEntry axis, Issues? issues) =>
        Resolve(root, axis.Key.Split('.'), 0, "", axis, issues);

    /// <summary>
    /// Walks <paramref name="segments"/> from <paramref name="from"/>. A <c>*</c> segment on a list
    /// addresses every item that has the rest of the path (e.g. <c>strategies.*.session_ids.capacity</c>
    /// sets the capacity of every strategy that has session IDs); at least one item must have it.
    /// </summary>
    private static Action<YNode>? Resolve(YNode current, string[] segments, int from, string walked, SweepEntry axis, Issues? issues)
    {
        Action<YNode>? setter = null;
        for (var i = from; i < segments.Length;)
        {
            if (segments[i] == "*" && current is YSequence sequence)
            {
                var prefix = walked.Length == 0 ? "*" : $"{walked}.*";
                var setters = new List<Action<YNode>>();
                foreach (var item in sequence.Items)
                {
                    if (i + 1 < segments.Length && Resolve(item, segments, i + 1, prefix, axis, null) is { } itemSetter)
                    {
                        setters.Add(itemSetter);
                    }
                }

                if (setters.Count == 0)
                {
                    issues?.Add(axis.KeyNode, $"sweep key {Excerpt.Quote(axis.Key)} matches no item under {Excerpt.Of(walked)}; expected {PathForm}");
                    return null;
                }

                return value =>
                {
                    foreach (var set in setters)
                    {
                        set(value);
                    }
                };
            }

            var found = false;
            for (var take = segments.Length - i; take >= 1 && !found; take--)
            {
                var segment = string.Join('.', segments, i, take);
                if (Step(current, segment, out var next, out var set))
                {
                    current = next;
                    setter = set;
                    walked = walked.Length == 0 ? segment : $"{walked}.{segment}";
                    i += take;
                    found = true;
                }
            }

            if (!found)
            {
                var where = walked.Length == 0 ? "the top level" : Excerpt.Of(walked);
                issues?.Add(axis.KeyNode, $"sweep key {Excerpt.Quote(axis.Key)} does not exist in the file: {Excerpt.Quote(segments[i])} is not found under {where}; expected {PathForm}");
                return null;
            }
        }

        if (current is not YScalar)
        {
            issues?.Add(axis.KeyNode, $"sweep key {Excerpt.Quote(axis.Key)} names {current.Describe()}, not a single value; expected {PathForm}");
            return null;
        }

        return setter;
    }

    /// <summary>
    /// Points of the grid (the product of the value counts), saturating just past
    /// <see cref="ScenarioLimits.MaxSweepPoints"/> so that no number of keys and values can wrap it.
    /// </summary>
    public static long CountPoints(IReadOnlyList<SweepEntry> axes)
    {
        long points = 1;
        foreach (var axis in axes)
        {
            points = Math.Min(points * Math.Max(1, axis.Values.Count), ScenarioLimits.MaxSweepPoints + 1L);
        }

        return points;
    }

    /// <summary>Nodes of a tree (its depth is bounded by the reader, so the recursion is shallow).</summary>
    public static long CountNodes(YNode node) => node switch
    {
        YMapping mapping => 1 + mapping.Entries.Sum(e => 1 + CountNodes(e.Value)),
        YSequence sequence => 1 + sequence.Items.Sum(CountNodes),
        _ => 1,
    };

    /// <summary>The grid's size as written, e.g. "256 x 256 x 256 (1.68e7)", computed in floating point.</summary>
    public static string DescribeGrid(IReadOnlyList<SweepEntry> axes)
    {
        var product = 1.0;
        foreach (var axis in axes)
        {
            product *= Math.Max(1, axis.Values.Count);
        }

        var factors = string.Join(" x ", axes.Select(a => Math.Max(1, a.Values.Count)));
        return $"{factors} = {product.ToString(product < 1e9 ? "0" : "0.##e0", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Index tuples of the grid: the first key varies slowest, the last fastest.</summary>
    public static IEnumerable<int[]> Grid(IReadOnlyList<int> sizes)
    {
        var index = new int[sizes.Count];
        while (true)
        {
            yield return (int[])index.Clone();
            var axis = sizes.Count - 1;
            while (axis >= 0 && ++index[axis] == sizes[axis])
            {
                index[axis] = 0;
                axis--;
            }

            if (axis < 0)
            {
                yield break;
            }
        }
    }

    private static bool Step(YNode current, string segment, out YNode next, out Action<YNode> set)
    {
        next = current;
        set = _ => { };
        if (current is YMapping mapping && mapping.Find(segment) is { } entry)
        {
            next = entry.Value;
            set = value => entry.Value = value;
            return true;
        }

        if (current is not YSequence sequence)
        {
            return false;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YMapping item && item.Find("name")?.Value is YScalar name && name.Value == segment)
            {
                next = item;
                return true;
            }
        }

        if (int.TryParse(segment, out var position) && position >= 0 && position < sequence.Items.Count && segment == position.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            next = sequence.Items[position];
            set = value => sequence.Items[position] = value;
            return true;
        }

        return false;
    }
}
