using System.Collections.Concurrent;
using System.Text;

namespace ResumeSim.Fuzz.Tests;

/// <summary>
/// Runs every case of corpus/cases.jsonl through the real <c>resumesim</c> process, two at a time
/// per core, and fails with a table of every case that crashed, hung, printed a stack trace, exited
/// with the wrong code, echoed a secret or left output behind.
/// </summary>
public sealed class FuzzCorpusTests
{
    private static readonly string[] Classes =
        ["yaml-bomb", "special-file", "encoding", "secrets", "values", "sweeps", "cli", "results", "import-nginx", "mutations"];

    [Fact]
    public void Corpus_HasAThousandCasesCoveringEveryClass()
    {
        var cases = FuzzCase.LoadCorpus();

        Assert.True(cases.Count >= 1000, $"{cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        foreach (var name in Classes)
        {
            Assert.True(cases.Count(c => c.Class == name) >= 10, $"class {name} has {cases.Count(c => c.Class == name)} cases");
        }

        Assert.All(cases, c => Assert.NotEmpty(c.Exit));
    }

    [Fact]
    [Trait("Category", "Fuzz")]
    public async Task EveryHostileInput_EndsInAClearErrorOrAResult_WithinItsLimits()
    {
        var only = Environment.GetEnvironmentVariable("RESUMESIM_FUZZ_ONLY");
        var cases = FuzzCase.LoadCorpus()
            .Where(c => string.IsNullOrEmpty(only) || c.Id.Contains(only, StringComparison.Ordinal) || c.Class == only)
            .ToList();
        using var runs = await RunFolders.CreateAsync();
        var scratch = Directory.CreateTempSubdirectory("resumesim-fuzz-").FullName;
        var failures = new ConcurrentBag<(FuzzCase Case, string Kind, string Detail)>();
        var timings = new ConcurrentBag<(string Id, string Class, TimeSpan Wall)>();
        try
        {
            // Slowest-looking first, so a long case does not end the run alone.
            var ordered = cases.OrderByDescending(c => c.Args.Contains("run") ? 1 : 0).ToList();
            await Parallel.ForEachAsync(ordered, new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount }, async (fuzzCase, _) =>
            {
                using var folder = CaseFolder.Create(scratch, fuzzCase, fuzzCase.UsesRunFolders ? runs : null);
                var outcome = await Resumesim.RunAsync(folder.Path, folder.Arguments(fuzzCase));
                timings.Add((fuzzCase.Id, fuzzCase.Class, outcome.Wall));
                if (Verdict.Judge(fuzzCase, folder, outcome) is { } failure)
                {
                    failures.Add((fuzzCase, failure.Kind, failure.Detail));
                }
            });
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        var report = Report(cases.Count, failures, timings);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "fuzz-report.txt"), report);
        Assert.True(failures.IsEmpty, report);
    }

    private static string Report(int count, IEnumerable<(FuzzCase Case, string Kind, string Detail)> failures, IEnumerable<(string Id, string Class, TimeSpan Wall)> timings)
    {
        var list = failures.OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Case.Id, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine($"{count} cases, {list.Count} failed");
        foreach (var group in list.GroupBy(f => f.Kind))
        {
            text.AppendLine($"{group.Key}: {group.Count()} ({string.Join(", ", group.GroupBy(f => f.Case.Class).Select(c => $"{c.Key} {c.Count()}"))})");
        }

        foreach (var (fuzzCase, kind, detail) in list)
        {
            text.AppendLine($"  {fuzzCase.Id} [{kind}] {string.Join(' ', fuzzCase.Args).Replace("\n", " ", StringComparison.Ordinal)}: {detail}");
        }

        text.AppendLine("wall seconds by class (summed over cases run side by side):");
        foreach (var group in timings.GroupBy(t => t.Class).OrderByDescending(g => g.Sum(t => t.Wall.TotalSeconds)))
        {
            text.AppendLine($"  {group.Key}: {group.Count()} cases, {group.Sum(t => t.Wall.TotalSeconds):0} s");
        }

        text.AppendLine("slowest cases:");
        foreach (var (id, _, wall) in timings.OrderByDescending(t => t.Wall).Take(10))
        {
            text.AppendLine($"  {id} {wall.TotalSeconds:0.0} s");
        }

        return text.ToString();
    }
}
