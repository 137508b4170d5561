namespace ResumeSim.Results.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void ResultsAssembly_ReferencesNoOtherResumeSimProject()
    {
        // DESIGN.md section 1: Results knows only result tables, never the engine, model or scenarios.
        var references = typeof(RunWriter).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();

        Assert.DoesNotContain(references, name => name.StartsWith("ResumeSim.", StringComparison.Ordinal));
        Assert.Contains("CsvHelper", references);
        Assert.Contains("MathNet.Numerics", references);
    }
}
