using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Costs;
using ResumeSim.Scenarios.Parsing;

namespace ResumeSim.Scenarios;

/// <summary>Loads a cost-profile YAML file (the format is in docs/scenarios.md).</summary>
public static class CostProfileLoader
{
    /// <exception cref="ScenarioException">The file is missing or invalid; every error is listed.</exception>
    public static CostProfile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var issues = new Issues(path);
        if (!File.Exists(path))
        {
            issues.Add(0, 0, "cost profile file not found; expected a path to a cost-profile YAML file");
            issues.ThrowIfAny();
        }

        var profile = CostProfileReader.Read(File.ReadAllText(path), issues);
        issues.ThrowIfAny();
        return profile!;
    }
}
