using System.Text.Json;

namespace ResumeSim.Fuzz.Tests;

/// <summary>Edits of a result CSV at the level of rows and cells (plain comma splitting is enough here).</summary>
internal static class CsvDamage
{
    public static void Apply(string file, string op, JsonElement mutation)
    {
        var rows = File.ReadAllLines(file).Select(line => line.Split(',').ToList()).ToList();
        switch (op)
        {
            case "csv-set":
                var row = Math.Min(mutation.GetProperty("row").GetInt32(), rows.Count - 1);
                var col = mutation.GetProperty("col").GetInt32();
                var cells = rows[row];
                col = col < 0 ? cells.Count - 1 : col;
                while (cells.Count <= col)
                {
                    cells.Add("");
                }

                cells[col] = mutation.GetProperty("value").GetString()!;
                break;
            case "csv-drop-row":
                rows.RemoveAt(mutation.GetProperty("row").GetInt32());
                break;
            case "csv-drop-col":
                var drop = mutation.GetProperty("col").GetInt32();
                foreach (var r in rows.Where(r => r.Count > drop))
                {
                    r.RemoveAt(drop);
                }

                break;
            case "csv-dup-rows":
                var data = rows.Skip(1).ToList();
                for (var i = 0; i < mutation.GetProperty("times").GetInt32() && data.Count > 0; i++)
                {
                    rows.Add(data[i % data.Count]);
                }

                break;
            default:
                throw new InvalidDataException($"unknown mutation '{op}'");
        }

        File.WriteAllLines(file, rows.Select(r => string.Join(',', r)));
    }
}
