namespace ResumeSim.Tls.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void TlsAssembly_ReferencesOnlyTheBclAndTheLowLevelLeaf()
    {
        foreach (var reference in typeof(TlsServerState).Assembly.GetReferencedAssemblies())
        {
            Assert.True(
                reference.Name!.StartsWith("System", StringComparison.Ordinal) || reference.Name is "netstandard" or "mscorlib" or "ResumeSim.LowLevel",
                $"ResumeSim.Tls must depend on the BCL and ResumeSim.LowLevel only, but references {reference.Name}.");
        }
    }

    [Fact]
    public void LowLevelAssembly_ReferencesOnlyTheBcl()
    {
        foreach (var reference in typeof(ResumeSim.LowLevel.Memory.LargeArrays).Assembly.GetReferencedAssemblies())
        {
            Assert.True(
                reference.Name!.StartsWith("System", StringComparison.Ordinal) || reference.Name is "netstandard" or "mscorlib",
                $"ResumeSim.LowLevel must depend on the BCL only, but references {reference.Name}.");
        }
    }
}
