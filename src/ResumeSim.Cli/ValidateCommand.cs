using System.CommandLine;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary><c>resumesim validate FILE</c>: checks a scenario without running it.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario YAML file." };
        var command = new Command("validate", "Check a scenario file without running it.") { file };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            if (!ScenarioInput.TryLoad(path, new ScenarioOverrides(), error, out var plan))
            {
                return ExitCodes.Usage;
            }

            var config = plan.Base;
            output.WriteLine(
                $"{path}: ok: scenario '{config.Name}', {config.Strategies.Count} strategies, " +
                $"{plan.Points.Count} sweep point(s), {config.Replications} replication(s), " +
                $"{config.Clients.Count} clients, {config.Farm.Servers} servers x {config.Farm.Cores} cores");
            return ExitCodes.Ok;
        });
        return command;
    }
}
