namespace ResumeSim.Scenarios.Yaml;

/// <summary>
/// A node of a parsed YAML document with the 1-based position it was written at. The tree is our
/// own (not YamlDotNet's representation model) so that duplicate keys become collected errors
/// instead of an exception, and so that sweeps can copy a tree and replace one scalar in it.
/// </summary>
internal abstract class YNode
{
    protected YNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }
    public int Column { get; }

    /// <summary>A deep copy; sweeps mutate copies, never the loaded tree.</summary>
    public abstract YNode Copy();

    /// <summary>How the node reads in an error message ("a mapping", "'5m'").</summary>
    public abstract string Describe();
}
