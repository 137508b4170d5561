namespace ResumeSim.Browser.Tests;

/// <summary>
/// summary.csv as text, read independently of the report's own code: a header and rows of fields by
/// column name (the scenarios of these tests have no quoted fields).
/// </summary>
public sealed class SummaryCsv
{
    private SummaryCsv(IReadOnlyList<Dictionary<string, string>> rows) => Rows = rows;

    public IReadOnlyList<Dictionary<string, string>> Rows { get; }

    public static SummaryCsv Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        Assert.DoesNotContain(lines, l => l.Contains('"'));
        return new SummaryCsv([.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))]);
    }
}
