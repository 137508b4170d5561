using ResumeSim.Scenarios.Binding;
using ResumeSim.Scenarios.Parsing;

namespace ResumeSim.Scenarios.Tests.Binding;

public sealed class NamedFilesTests
{
    [Fact]
    public void Read_SamePathTwice_ReadsOnceAndReportsItsErrorsBothTimes()
    {
        var files = new NamedFiles("/base");
        var reads = 0;
        string? Read(Issues own)
        {
            reads++;
            own.Add(3, 4, "bad row");
            return "value";
        }

        var first = new Issues("scenario.yaml");
        var second = new Issues("scenario.yaml");

        Assert.Equal("value", files.Read("costs/a.yaml", first, Read));
        Assert.Equal("value", files.Read("costs/a.yaml", second, Read));
        Assert.Equal(1, reads);
        Assert.Equal(new ScenarioError("costs/a.yaml", 3, 4, "bad row"), Assert.Single(second.Errors));
    }

    [Fact]
    public void Parse_SweepNamingACostProfile_ReadsItOnceForEveryPoint()
    {
        var profile = Path.Combine(ScenarioText.RepositoryRoot(), "scenarios", "costs", "default.yaml");

        var plan = ScenarioText.Parse(ScenarioText.Minimal + $"\ncosts: {profile}\nsweep:\n  clients.count: [10, 20, 30]\n");

        Assert.Equal(3, plan.Points.Count);
        Assert.All(plan.Points, p => Assert.Same(plan.Base.Costs, p.Config.Costs));
    }
}
