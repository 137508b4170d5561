namespace ResumeSim.Charts;

/// <summary>Which image files a chart is written as.</summary>
[Flags]
public enum ChartFormat
{
    /// <summary><c>&lt;name&gt;.png</c>, for documents and slides.</summary>
    Png = 1,

    /// <summary><c>&lt;name&gt;.svg</c>, scalable, with its text as text (searchable, editable).</summary>
    Svg = 2,

    /// <summary>Both files.</summary>
    Both = Png | Svg,
}
