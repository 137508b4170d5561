using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// Dependencies point one way: LowLevel (memory layout, fast crypto) is the leaf; Engine and Tls
/// stand on it alone, Results on nothing of ours; Model builds on Engine and Tls, Scenarios on Model,
/// Charts on Results; the bench harness measures Engine, Tls and Model through their public APIs; the
/// CLI sits on top. Test projects are never referenced by production code, and production code opens
/// its internals to its own tests only.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> AllowedReferences = new()
    {
        ["ResumeSim.LowLevel"] = [],
        ["ResumeSim.Engine"] = ["ResumeSim.LowLevel"],
        ["ResumeSim.Tls"] = ["ResumeSim.LowLevel"],
        ["ResumeSim.Model"] = ["ResumeSim.Engine", "ResumeSim.Tls", "ResumeSim.LowLevel"],
        ["ResumeSim.Scenarios"] = ["ResumeSim.Model", "ResumeSim.LowLevel"],
        ["ResumeSim.Results"] = ["ResumeSim.LowLevel"],
        ["ResumeSim.Charts"] = ["ResumeSim.Results"],
        ["ResumeSim.Bench"] = ["ResumeSim.Engine", "ResumeSim.Tls", "ResumeSim.Model"],
        ["ResumeSim.Cli"] =
        [
            "ResumeSim.Engine", "ResumeSim.Tls", "ResumeSim.Model", "ResumeSim.Scenarios",
            "ResumeSim.Results", "ResumeSim.Charts", "ResumeSim.Bench",
        ],
    };

    public static TheoryData<string> ProductionProjects => Data(AllowedReferences.Keys);

    public static TheoryData<string> TestProjects => Data(Projects("tests").Select(p => Path.GetFileNameWithoutExtension(p)));

    [Fact]
    public void EveryProductionProject_HasARule()
    {
        var found = Projects("src").Select(p => Path.GetFileNameWithoutExtension(p)).Order().ToArray();

        Assert.Equal(AllowedReferences.Keys.Order(), found);
    }

    [Fact]
    public void NoProjectOutsideSrcAndTests()
    {
        var elsewhere = Directory.EnumerateFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("src/", StringComparison.Ordinal) && !p.StartsWith("tests/", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(elsewhere);
    }

    [Theory]
    [MemberData(nameof(ProductionProjects))]
    public void ProductionProjectReferences_PointOneWay(string project)
    {
        var references = References(Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj"));

        Assert.Equal(AllowedReferences[project].Order(), references.Select(r => r.Name).Order());
    }

    [Theory]
    [MemberData(nameof(ProductionProjects))]
    public void ProductionProjects_ReferenceNoTestOrBenchmarkProject(string project)
    {
        var references = References(Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj"));

        Assert.All(references, r =>
        {
            Assert.StartsWith(Path.Combine(RepositoryPaths.Root, "src") + Path.DirectorySeparatorChar, r.Path, StringComparison.Ordinal);
            Assert.False(r.Name.EndsWith(".Tests", StringComparison.Ordinal) || r.Name.Contains("Benchmark", StringComparison.Ordinal), $"{project} references {r.Name}");
        });
    }

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void TestProjects_ReferenceProductionProjectsOnly(string project)
    {
        var references = References(Path.Combine(RepositoryPaths.Root, "tests", project, project + ".csproj"));

        Assert.All(references, r => Assert.Contains(r.Name, AllowedReferences.Keys));
    }

    [Fact]
    public void BenchHarness_IsReferencedOnlyByTheCliAndTests()
    {
        var referrers = Projects("src").Where(p => References(p).Any(r => r.Name == "ResumeSim.Bench"))
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .ToArray();

        Assert.Equal(["ResumeSim.Cli"], referrers);
    }

    /// <summary>
    /// Internals are opened to test projects only, never to the bench harness or another production
    /// project: what a benchmark measures must be reachable through the public API. Read from the built
    /// assemblies, so an <c>[assembly: InternalsVisibleTo]</c> in code counts as well as the csproj item.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProductionProjects))]
    public void InternalsAreVisibleToTestProjectsOnly(string project)
    {
        // The CLI's assembly is named after the command (resumesim), not after its project.
        var assembly = project == "ResumeSim.Cli" ? typeof(CliApp).Assembly : Assembly.Load(project);
        var friends = assembly.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName.Split(',')[0].Trim())
            .ToArray();

        Assert.All(friends, friend => Assert.EndsWith(".Tests", friend, StringComparison.Ordinal));
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

    [Fact]
    public void BenchHarness_UsesNoPackage()
    {
        var csproj = Path.Combine(RepositoryPaths.Root, "src", "ResumeSim.Bench", "ResumeSim.Bench.csproj");

        Assert.Empty(XDocument.Load(csproj).Descendants("PackageReference"));
    }

    private static TheoryData<string> Data(IEnumerable<string> values)
    {
        var data = new TheoryData<string>();
        foreach (var value in values)
        {
            data.Add(value);
        }

        return data;
    }

    private static IEnumerable<string> Projects(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static (string Name, string Path)[] References(string csproj) =>
        [.. XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => e.Attribute("Include")!.Value.Replace('\\', '/'))
            .Select(include => (Path.GetFileNameWithoutExtension(include), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csproj)!, include))))];
}
