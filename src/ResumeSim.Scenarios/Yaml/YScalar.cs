using ResumeSim.Scenarios.Parsing;

namespace ResumeSim.Scenarios.Yaml;

internal sealed class YScalar : YNode
{
    public YScalar(string value, bool quoted, int line, int column)
        : base(line, column)
    {
        Value = value;
        Quoted = quoted;
    }

    public string Value { get; }

    /// <summary>True for <c>"1.2"</c> or <c>'x'</c>: a plain empty scalar is "no value", a quoted one is "".</summary>
    public bool Quoted { get; }

    /// <summary>A plain scalar with nothing in it: <c>key:</c> followed by nothing, or <c>~</c> / <c>null</c>.</summary>
    public bool IsNull => !Quoted && (Value.Length == 0 || Value == "~" || Value == "null");

    public override YNode Copy() => new YScalar(Value, Quoted, Line, Column);

    public override string Describe() => IsNull ? "nothing" : Excerpt.Quote(Value);
}
