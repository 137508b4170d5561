using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;

namespace ResumeSim.Cli.Validation;

/// <summary>
/// One comparison of simulation with theory: which measured quantity, the formula's value for the
/// scenario, and how close is close enough (inside the 95% confidence interval widened by an
/// absolute tolerance, which is zero for exact results and small for approximations).
/// </summary>
internal sealed record ValidationCase(
    string File,
    string Quantity,
    string Formula,
    Func<ScenarioConfig, double> Theory,
    Func<StrategyRunResult, double> Measure,
    double Tolerance);
