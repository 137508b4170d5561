using System.Text.Json;

namespace ResumeSim.Fuzz.Tests;

/// <summary>One hostile input from corpus/cases.jsonl (generate.py documents the fields).</summary>
internal sealed record FuzzCase(
    string Id,
    string Class,
    IReadOnlyList<string> Args,
    IReadOnlyList<JsonElement> Files,
    IReadOnlyList<JsonElement> Special,
    IReadOnlyList<JsonElement> Mutate,
    IReadOnlySet<int> Exit,
    string? Secret)
{
    public static IReadOnlyList<FuzzCase> LoadCorpus()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "corpus", "cases.jsonl");
        var cases = new List<FuzzCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                cases.Add(Parse(line));
            }
        }

        return cases;
    }

    public static FuzzCase Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new FuzzCase(
            root.GetProperty("id").GetString()!,
            root.GetProperty("class").GetString()!,
            [.. root.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)],
            Array("files"),
            Array("special"),
            Array("mutate"),
            root.GetProperty("exit").EnumerateArray().Select(e => e.GetInt32()).ToHashSet(),
            root.TryGetProperty("secret", out var secret) ? secret.GetString() : null);

        IReadOnlyList<JsonElement> Array(string name) =>
            root.TryGetProperty(name, out var items) ? [.. items.EnumerateArray().Select(i => i.Clone())] : [];
    }

    /// <summary>Whether the command line names a copied run or shard folder.</summary>
    public bool UsesRunFolders => Args.Any(a => a.Contains("{run}", StringComparison.Ordinal) || a.Contains("{shard", StringComparison.Ordinal));
}
