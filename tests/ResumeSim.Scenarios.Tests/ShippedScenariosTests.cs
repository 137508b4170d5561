namespace ResumeSim.Scenarios.Tests;

/// <summary>Every shipped scenario must load as is (DESIGN.md section 6); new files are covered automatically.</summary>
public sealed class ShippedScenariosTests
{
    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        // Scenarios live in scenarios/ and scenarios/validation/ (scenarios/costs/ holds cost profiles).
        var root = Path.Combine(ScenarioText.RepositoryRoot(), "scenarios");
        foreach (var folder in new[] { root, Path.Combine(root, "validation") })
        {
            foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Load_ShippedScenario_IsValid(string fileName)
    {
        var plan = ScenarioLoader.Load(Path.Combine(ScenarioText.RepositoryRoot(), "scenarios", fileName));

        Assert.NotEmpty(plan.Points);
        Assert.NotEmpty(plan.Base.Strategies);
    }

    [Fact]
    public void Quickstart_IsSmallAndHasNoSweep()
    {
        var plan = ScenarioLoader.Load(Path.Combine(ScenarioText.RepositoryRoot(), "scenarios", "quickstart.yaml"));

        Assert.Equal("quickstart", plan.Base.Name);
        Assert.Single(plan.Points);
        Assert.Empty(plan.SweepKeys);
        Assert.Equal(3, plan.Base.Replications);
        Assert.Equal(["ids-per-server", "ids-shared", "tickets-shared-key", "no-resumption"], plan.Base.Strategies.Select(s => s.Name));
        Assert.True(plan.Base.Clients.Count <= 20000);
        Assert.True(plan.Base.Duration <= TimeSpan.FromMinutes(10));
    }
}
