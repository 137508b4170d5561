using System.Globalization;

namespace ResumeSim.Model.Runs;

/// <summary>
/// A deterministic slice of an experiment's runs, for spreading a sweep over machines:
/// shard K of N takes the runs (sweep point x strategy x replication, in their fixed order) whose
/// position modulo N is K-1. Taking every K-th run rather than a block balances shards when run
/// lengths grow along the grid.
/// </summary>
/// <param name="Number">K, 1-based.</param>
/// <param name="Count">N.</param>
public readonly record struct Shard(int Number, int Count)
{
    /// <summary>The whole experiment.</summary>
    public static Shard All => new(1, 1);

    public bool Includes(int runIndex) => runIndex % Count == Number - 1;

    /// <summary>Parses <c>K/N</c> with 1 &lt;= K &lt;= N.</summary>
    public static bool TryParse(string text, out Shard shard, out string problem)
    {
        shard = All;
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"'{text}' is not a shard; expected K/N such as 2/8";
            return false;
        }

        if (count < 1 || number < 1 || number > count)
        {
            problem = $"shard {text}: expected 1 <= K <= N";
            return false;
        }

        shard = new Shard(number, count);
        problem = "";
        return true;
    }

    public override string ToString() => $"{Number}/{Count}";
}
