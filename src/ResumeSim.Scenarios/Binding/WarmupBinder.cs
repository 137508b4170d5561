using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// <c>warmup</c>: a duration (the warm-up as written), <c>auto</c>, or <c>{auto: MAX}</c> (found by MSER-5 on a
/// pilot, docs/steady-state.md). A scenario without the key gets <c>auto</c>, unless it replays a trace:
/// a recorded history is replayed from its first row, so it gets 0.
/// </summary>
internal static class WarmupBinder
{
    public const string Form = "a duration (10m), auto, or {auto: MAX} with MAX the pilot's length and longest warm-up (2h)";

    public static (TimeSpan Warmup, AutoWarmupConfig? Auto) Bind(YNode? node, bool trace, TimeSpan maxDuration, Issues issues)
    {
        var defaultAuto = new AutoWarmupConfig(AutoWarmupConfig.DefaultMax);
        switch (node)
        {
            case null when trace:
                return (TimeSpan.Zero, null);
            case null:
                return (defaultAuto.Max, defaultAuto);
            case YScalar { IsNull: false } scalar when scalar.Value.Trim() == "auto":
                return (defaultAuto.Max, defaultAuto);
            case YScalar { IsNull: false } scalar when !Units.TryParseDuration(scalar.Value.Trim(), out _):
                issues.Add(node, $"warmup: {Excerpt.Quote(scalar.Value.Trim())} is neither a duration nor auto; expected {Form}");
                return (TimeSpan.Zero, null);
            case YScalar:
                return Scalars.TryDuration(node, "warmup", TimeSpan.Zero, maxDuration, issues, out var written)
                    ? (written, null)
                    : (TimeSpan.Zero, null);
            case YMapping:
                var section = Section.Open(node, "warmup", ["auto"], issues)!;
                if (section.Required("auto", "the pilot's length, a duration of at least 1s such as 2h") is not { } maxNode
                    || !Scalars.TryDuration(maxNode, "warmup.auto", TimeSpan.FromSeconds(1), maxDuration, issues, out var max))
                {
                    return (defaultAuto.Max, defaultAuto);
                }

                return (max, new AutoWarmupConfig(max));
            default:
                issues.Add(node, $"warmup is {node.Describe()}; expected {Form}");
                return (TimeSpan.Zero, null);
        }
    }
}
