namespace ResumeSim.Notebooks.Tests;

/// <summary>
/// Names a cell the way a person finds it: the notebook file, the cell's 1-based position among all
/// cells (markdown included, as the editors count them) and its first line.
/// </summary>
internal sealed record CellName(string Notebook, int Number, string Source)
{
    public string FirstLine =>
        Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(empty)";

    public override string ToString() => $"{Notebook}, cell {Number} ('{FirstLine}')";
}
