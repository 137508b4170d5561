namespace ResumeSim.Scenarios.Yaml;

/// <summary>A mapping whose entries keep the order they were written in (sweep grids depend on it).</summary>
internal sealed class YMapping : YNode
{
    public YMapping(int line, int column)
        : base(line, column)
    {
    }

    public List<YEntry> Entries { get; } = [];

    public YEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }

    public override YNode Copy()
    {
        var copy = new YMapping(Line, Column);
        foreach (var entry in Entries)
        {
            copy.Entries.Add(new YEntry((YScalar)entry.Key.Copy(), entry.Value.Copy()));
        }

        return copy;
    }

    public override string Describe() => "a mapping";
}
