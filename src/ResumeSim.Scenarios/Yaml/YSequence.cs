namespace ResumeSim.Scenarios.Yaml;

internal sealed class YSequence : YNode
{
    public YSequence(int line, int column)
        : base(line, column)
    {
    }

    public List<YNode> Items { get; } = [];

    public override YNode Copy()
    {
        var copy = new YSequence(Line, Column);
        foreach (var item in Items)
        {
            copy.Items.Add(item.Copy());
        }

        return copy;
    }

    public override string Describe() => "a list";
}
