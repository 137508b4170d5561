namespace ResumeSim.Results.Csv;

/// <summary>One numeric column of <c>summary.csv</c>: its name and how to read it from a row.</summary>
internal sealed record SummaryMetric(string Name, Func<SummaryRow, long>? Integer, Func<SummaryRow, double>? Real)
{
    public static SummaryMetric Of(string name, Func<SummaryRow, long> integer) => new(name, integer, null);

    public static SummaryMetric Of(string name, Func<SummaryRow, double> real) => new(name, null, real);

    /// <summary>The value as a double, for statistics across replications.</summary>
    public double Value(SummaryRow row) => Integer is not null ? Integer(row) : Real!(row);
}
