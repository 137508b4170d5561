namespace ResumeSim.Scenarios.Yaml;

/// <summary>One <c>key: value</c> of a mapping; the value is replaceable so a sweep can set it.</summary>
internal sealed class YEntry(YScalar key, YNode value)
{
    public YScalar Key { get; } = key;
    public YNode Value { get; set; } = value;
}
