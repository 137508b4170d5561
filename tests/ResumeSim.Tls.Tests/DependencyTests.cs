namespace ResumeSim.Tls.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void TlsAssembly_ReferencesOnlyTheBcl()
    {
        foreach (var reference in typeof(TlsServerState).Assembly.GetReferencedAssemblies())
        {
            Assert.True(
                reference.Name!.StartsWith("System", StringComparison.Ordinal) || reference.Name is "netstandard" or "mscorlib",
                $"ResumeSim.Tls must depend on the BCL only, but references {reference.Name}.");
        }
    }
}
