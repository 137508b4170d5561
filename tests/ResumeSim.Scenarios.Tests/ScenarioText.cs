namespace ResumeSim.Scenarios.Tests;

/// <summary>Small scenario texts and helpers shared by the tests.</summary>
internal static class ScenarioText
{
    public const string File = "scenarios/test.yaml";

    /// <summary>The smallest valid scenario; tests append or replace lines.</summary>
    public const string Minimal = """
        name: t
        duration: 10m
        clients:
          count: 100
          visits: {rate: 4/h}
        strategies:
          - name: none
            resumption: off
        """;

    public static ScenarioPlan Parse(string text, ScenarioOverrides? overrides = null) =>
        ScenarioLoader.Parse(text, File, overrides);

    /// <summary>Parses text that must fail and returns every error.</summary>
    public static IReadOnlyList<ScenarioError> Errors(string text, string? sourcePath = null)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, sourcePath ?? File));
        Assert.NotEmpty(e.Errors);
        return e.Errors;
    }

    /// <summary>Asserts an error at exactly line:column whose message contains every fragment.</summary>
    public static ScenarioError AssertError(string text, int line, int column, params string[] fragments)
    {
        var errors = Errors(text);
        var at = errors.Where(e => e.Line == line && e.Column == column).ToList();
        Assert.True(at.Count > 0, $"no error at {line}:{column}; got:\n{string.Join("\n", errors)}");
        var match = at.FirstOrDefault(e => fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));
        Assert.True(match is not null, $"no error at {line}:{column} containing [{string.Join(" | ", fragments)}]; got:\n{string.Join("\n", errors)}");
        return match!;
    }

    /// <summary>The folder holding ResumeSim.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ResumeSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no ResumeSim.sln above {AppContext.BaseDirectory}");
    }
}
