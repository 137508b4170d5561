using System.Xml.Linq;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// Dependencies point one way (DESIGN.md section 1): LowLevel (memory layout, fast crypto) is the only
/// leaf; Engine and Tls stand on it alone, and so on.
/// </summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "ResumeSim.LowLevel", [] },
        { "ResumeSim.Engine", ["ResumeSim.LowLevel"] },
        { "ResumeSim.Tls", ["ResumeSim.LowLevel"] },
        { "ResumeSim.Model", ["ResumeSim.Engine", "ResumeSim.Tls", "ResumeSim.LowLevel"] },
        { "ResumeSim.Scenarios", ["ResumeSim.Model"] },
        { "ResumeSim.Results", [] },
        { "ResumeSim.Charts", ["ResumeSim.Results"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void ProjectReferences_PointOneWay(string project, string[] allowed)
    {
        var csproj = Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj");
        var references = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value))
            .ToArray();

        Assert.Equal(allowed.Order(), references.Order());
    }

    [Theory]
    [InlineData("ResumeSim.LowLevel")]
    [InlineData("ResumeSim.Tls")]
    [InlineData("ResumeSim.Engine")]
    public void Leaves_UseNoPackageBeyondTheirOwn(string project)
    {
        var csproj = Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj");
        var packages = XDocument.Load(csproj).Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToArray();

        Assert.True(project == "ResumeSim.Engine" || packages.Length == 0, project + " must use the BCL only");
        Assert.All(packages, p => Assert.Equal("MathNet.Numerics", p));
    }
}
