namespace ResumeSim.Results;

/// <summary>
/// A result file is missing or does not have the expected form. The message names the file, the
/// line (1-based, the header is line 1) and the column or JSON path, and says what was expected.
/// </summary>
public sealed class ResultsFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="line"/> 0 and <paramref name="field"/> null mean "whole file".</summary>
    public ResultsFormatException(string file, long line, string? field, string problem, Exception? inner = null)
        : base(Describe(file, line, field, problem), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The path of the file.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 when the problem is not tied to a line.</summary>
    public long Line { get; }

    /// <summary>The CSV column name or JSON path, or null.</summary>
    public string? Field { get; }

    /// <summary>What was wrong and what was expected, without the position.</summary>
    public string Problem { get; }

    private static string Describe(string file, long line, string? field, string problem)
    {
        var where = file;
        if (line > 0)
        {
            where += $", line {line}";
        }

        if (field is not null)
        {
            // JSON paths ("$.seed") are positions in run.json; anything else is a CSV column.
            where += field.StartsWith('$') ? $", at {field}" : $", column '{field}'";
        }

        return $"{where}: {problem}";
    }
}
