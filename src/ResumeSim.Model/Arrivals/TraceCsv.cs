using System.Text;

namespace ResumeSim.Model.Arrivals;

/// <summary>
/// The quoting of a trace row, as RFC 4180 section 2 has it: a field holding a comma or a double quote
/// is written between double quotes, with each double quote inside doubled (<c>"a,""b"""</c> is
/// <c>a,"b"</c>). Client names come from headers and cookies that may hold either; a writer that
/// quotes with <see cref="Field"/> and a reader that splits with <see cref="TrySplit"/> give back the
/// names exactly. A row is one line: a quoted field cannot hold a line break.
/// </summary>
public static class TraceCsv
{
    /// <summary>The field as written in a row: quoted when it holds a comma or a double quote.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(',', '"') < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Splits a row into its fields and the 1-based column each starts at; false with a message for a
    /// quote that does not open a field, a quoted field not closed on its line, or text after a closing quote.
    /// </summary>
    public static bool TrySplit(string line, List<(string Value, int Column)> fields, out string problem, out int problemColumn)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        problem = "";
        problemColumn = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            if (i < line.Length && line[i] == '"')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        (problem, problemColumn) = ("a quoted field is not closed on its line; expected a closing \" (a \" inside is written \"\")", start + 1);
                        return false;
                    }

                    if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        value.Append('"');
                        i += 2;
                    }
                    else if (line[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(line[i++]);
                    }
                }

                if (i < line.Length && line[i] != ',')
                {
                    (problem, problemColumn) = ("text follows a closing quote; expected a comma (a \" inside a quoted field is written \"\")", i + 1);
                    return false;
                }

                fields.Add((value.ToString(), start + 1));
            }
            else
            {
                var end = line.IndexOf(',', i);
                end = end < 0 ? line.Length : end;
                var quote = line.IndexOf('"', i, end - i);
                if (quote >= 0)
                {
                    (problem, problemColumn) = ("a field holds a \" but does not start with one; expected the whole field quoted, with the \" doubled: \"a\"\"b\"", quote + 1);
                    return false;
                }

                fields.Add((line[i..end], start + 1));
                i = end;
            }

            if (i >= line.Length)
            {
                return true;
            }

            i++; // the comma
        }
    }
}
