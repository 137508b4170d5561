namespace ResumeSim.Results.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void ResultsAssembly_ReferencesNoProjectOfTheSimulation()
    {
        // DESIGN.md section 1: Results knows only result tables, never the engine, model or scenarios.
        // The low-level leaf (a path's file type, before a result file is opened) knows no simulation.
        var references = typeof(RunWriter).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();

        Assert.DoesNotContain(references, name => name.StartsWith("ResumeSim.", StringComparison.Ordinal) && name != "ResumeSim.LowLevel");
        Assert.Contains("CsvHelper", references);
        Assert.Contains("MathNet.Numerics", references);
    }
}
