using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>Loads a scenario for a command, turning every input error into a message and false.</summary>
internal static class ScenarioInput
{
    public static bool TryLoad(string path, ScenarioOverrides overrides, TextWriter error, out ScenarioPlan plan)
    {
        try
        {
            plan = ScenarioLoader.Load(path, overrides);
            foreach (var note in plan.Base.Costs.Notes)
            {
                error.WriteLine($"note: {note}");
            }

            return true;
        }
        catch (ScenarioException ex)
        {
            foreach (var problem in ex.Errors)
            {
                error.WriteLine($"error: {problem}");
            }

            if (ex.Errors.Count == 0)
            {
                error.WriteLine($"error: {path}: {ex.Message}");
            }

            plan = null!;
            return false;
        }
    }
}
