namespace ResumeSim.Scenarios.Parsing;

/// <summary>
/// The "did you mean" for an unknown key: the valid key at the smallest edit distance (optimal
/// string alignment: insertions, deletions, substitutions and swaps of neighbours each cost 1), if
/// it is close enough to be a typo rather than a different word.
/// </summary>
internal static class KeySuggestion
{
    /// <summary>
    /// The closest of <paramref name="keys"/> to <paramref name="typed"/>, or null when none is within
    /// a third of the typed key's length (at least 1): <c>capcity</c> suggests <c>capacity</c>, <c>zz</c>
    /// suggests nothing. Ties go to the key written first.
    /// </summary>
    public static string? Closest(string typed, IReadOnlyList<string> keys)
    {
        var limit = Math.Max(1, typed.Length / 3);
        var lower = typed.ToLowerInvariant(); // keys are lowercase (docs/scenarios.md)
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var key in keys)
        {
            // The distance is at least the difference in length; skipping those keeps a huge key from costing length x length.
            if (Math.Abs(lower.Length - key.Length) > limit)
            {
                continue;
            }

            var distance = Distance(lower, key);
            if (distance <= limit && distance < bestDistance)
            {
                best = key;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
