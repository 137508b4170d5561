using System.Globalization;
using System.Reflection;

namespace ResumeSim.Scenarios.Tests.Hostile;

/// <summary>docs/errors.md gives the value of every limit in <see cref="ScenarioLimits"/>, so a changed value or a new limit without its reason fails here.</summary>
public sealed class ErrorsDocumentationTests
{
    [Fact]
    public void ErrorsDoc_StatesEveryLimitsValue()
    {
        var doc = File.ReadAllText(Path.Combine(ScenarioText.RepositoryRoot(), "docs", "errors.md"));
        var missing = new List<string>();
        foreach (var field in typeof(ScenarioLimits).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = field.GetValue(null);
            var written = field.Name switch
            {
                nameof(ScenarioLimits.DefaultMemoryLimitBytes) => $"{(long)value! >> 30} GiB",
                nameof(ScenarioLimits.MaxConnectionsPerRun) => $"10^{Math.Log10((double)value!):0}",
                nameof(ScenarioLimits.MaxDuration) => $"{((TimeSpan)value!).TotalDays:0} days",
                _ => value switch
                {
                    string text => text,
                    double number => number.ToString("#,0", CultureInfo.InvariantCulture),
                    _ => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture),
                },
            };
            if (!doc.Contains(written, StringComparison.Ordinal))
            {
                missing.Add($"{field.Name} = {written}");
            }
        }

        Assert.Empty(missing);
    }
}
