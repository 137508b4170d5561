using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>
/// Loads a scenario for a command, turning every input error into a message and false. The memory one
/// simulation may need is limited by <see cref="ScenarioLimits.DefaultMemoryLimitBytes"/> unless the
/// environment sets <see cref="ScenarioLimits.MemoryLimitVariable"/>.
/// </summary>
internal static class ScenarioInput
{
    public static bool TryLoad(string path, ScenarioOverrides overrides, TextWriter error, out ScenarioPlan plan) =>
        TryLoad(path, overrides, Environment.GetEnvironmentVariable(ScenarioLimits.MemoryLimitVariable), error, out plan);

    /// <param name="memoryLimit">The value of <see cref="ScenarioLimits.MemoryLimitVariable"/>, or null when it is not set.</param>
    internal static bool TryLoad(string path, ScenarioOverrides overrides, string? memoryLimit, TextWriter error, out ScenarioPlan plan)
    {
        plan = null!;
        if (memoryLimit is { } limit)
        {
            // The limit belongs to the machine, not the file: one planner's big host may allow what a laptop must refuse.
            if (!ScenarioLimits.TryParseMemoryLimit(limit, out var bytes))
            {
                error.WriteLine($"error: {ScenarioLimits.MemoryLimitVariable}: {(limit.Length <= 40 && !limit.Any(char.IsControl) ? $"'{limit}'" : "the value")} is not a memory size; expected a size with a unit of at least 1MB, e.g. 200GB");
                return false;
            }

            overrides = overrides with { MemoryLimitBytes = bytes };
        }

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
