using System.Text.Json.Serialization;

namespace ResumeSim.Results;

/// <summary>
/// Which slice of a sweep a run holds: shard <paramref name="Number"/> of <paramref name="Count"/>
/// (<c>resumesim run --shard K/N</c>). Recorded in <c>run.json</c> so a merge can tell a missing or
/// repeated shard by what the run says it is, not only by its folder's name.
/// </summary>
/// <param name="Number">K, 1-based.</param>
/// <param name="Count">N, the number of shards the sweep was split into.</param>
public sealed record RunShard(int Number, int Count)
{
    /// <summary>True when 1 &lt;= K &lt;= N (a file read from disk may say anything).</summary>
    [JsonIgnore]
    public bool IsValid => Count >= 1 && Number >= 1 && Number <= Count;

    /// <inheritdoc/>
    public override string ToString() => $"{Number}/{Count}";
}
