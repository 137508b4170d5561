using System.CommandLine;
using System.Globalization;
using ResumeSim.Cli.Validation;
using ResumeSim.Model.Runs;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim check-model [DIR]</c>: runs every validation scenario and compares the simulated
/// value (mean and 95% confidence interval over replications) with its theory. Exit 0 when every
/// case agrees, 1 when one does not.
/// </summary>
internal static class CheckModelCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var dir = new Argument<string>("DIR") { Description = "Folder of validation scenarios.", DefaultValueFactory = _ => Path.Combine("scenarios", "validation") };
        var command = new Command("check-model", "Run the validation scenarios and compare them with theory (docs/validation.md).") { dir };
        command.SetAction(parsed => Execute(parsed.GetValue(dir)!, output, error));
        return command;
    }

    private static int Execute(string dir, TextWriter output, TextWriter error)
    {
        var failures = 0;
        foreach (var check in ValidationCases.All)
        {
            var path = Path.Combine(dir, check.File);
            if (!ScenarioInput.TryLoad(path, new ScenarioOverrides(), error, out var plan))
            {
                return ExitCodes.Usage;
            }

            var config = plan.Base;
            var values = ExperimentRunner.Run([config]).Select(check.Measure).ToArray();
            var (mean, low, high) = MeanCi(values);
            var theory = check.Theory(config);
            var pass = theory >= low - check.Tolerance && theory <= high + check.Tolerance;
            failures += pass ? 0 : 1;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(pass ? "ok  " : "FAIL")} {check.File,-32} {check.Quantity,-24} theory {theory,9:F4}  simulated {mean,9:F4}  95% CI [{low:F4}, {high:F4}]  n={values.Length}  tolerance {check.Tolerance}  ({check.Formula})"));
        }

        output.WriteLine(failures == 0 ? "every validation case agrees with its theory" : $"{failures} validation case(s) disagree");
        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static (double Mean, double Low, double High) MeanCi(double[] xs)
    {
        var (mean, _, low, high) = Results.ConfidenceIntervals.MeanCi95(xs);
        return (mean, low, high);
    }
}
