using Microsoft.DotNet.Interactive.Events;

namespace ResumeSim.Notebooks.Tests;

/// <summary>What executing one notebook produced: the cells run, their outputs and the first failure.</summary>
internal sealed class NotebookRun(string notebook)
{
    private readonly List<(string MimeType, string Value)> _outputs = [];

    public string Notebook { get; } = notebook;

    public int CellsRun { get; private set; }

    public double Seconds { get; private set; }

    /// <summary>Every formatted value the cells displayed or returned, in order.</summary>
    public IReadOnlyList<(string MimeType, string Value)> Outputs => _outputs;

    /// <summary>"&lt;notebook&gt;, cell N ('first line'): error" for the first failing cell; null when all ran.</summary>
    public string? Failure { get; private set; }

    public void Fail(CellName cell, string error) => Failure = $"{cell}: {error}";

    /// <summary>All outputs as one HTML page, to look at what a notebook showed without an editor.</summary>
    public string ToHtml()
    {
        var page = new System.Text.StringBuilder($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{Notebook}</title></head><body>");
        foreach (var (mimeType, value) in _outputs)
        {
            page.Append(mimeType == "text/html" ? value : $"<pre>{System.Net.WebUtility.HtmlEncode(value)}</pre>").Append('\n');
        }

        return page.Append("</body></html>\n").ToString();
    }

    /// <summary>The exception and its inner exceptions, one line each: a type initializer's real cause is inside.</summary>
    private static string Describe(Exception exception)
    {
        var lines = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            lines.Add($"{e.GetType().Name}: {e.Message}");
        }

        return string.Join(Environment.NewLine + "  caused by ", lines);
    }

    public void Record(CellName cell, IReadOnlyList<KernelEvent> events, double seconds)
    {
        CellsRun++;
        Seconds += seconds;
        foreach (var e in events)
        {
            switch (e)
            {
                case CommandFailed failed:
                    Fail(cell, failed.Exception is { } ex ? Describe(ex) : failed.Message);
                    return;
                case ErrorProduced error when Failure is null:
                    Fail(cell, error.Message);
                    break;
                case DisplayEvent display:
                    _outputs.AddRange(display.FormattedValues.Select(v => (v.MimeType, v.Value)));
                    break;
            }
        }
    }
}
