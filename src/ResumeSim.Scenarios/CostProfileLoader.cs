using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Costs;
using ResumeSim.Scenarios.Input;
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
        var bytes = SourceText.ReadBytes(path, "cost profile", issues);
        var text = bytes is null ? null : SourceText.Decode(bytes, issues);
        issues.ThrowIfAny();

        var profile = CostProfileReader.Read(text!, issues);
        issues.ThrowIfAny();
        return profile!;
    }
}
