using System.Text;

namespace ResumeSim.Results.Report;

/// <summary>The page frame: head with the inline style and security policy, and the sorting script.</summary>
internal static class ReportPage
{
    // Nothing may be loaded from anywhere: inline style and script only, images as data: URIs at most.
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fff;font-size:14px}
        nav{position:sticky;top:0;background:#f4f5f7;border-bottom:1px solid #ccd;padding:4px 16px;z-index:1}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:16px}
        main{padding:8px 16px 32px}
        h1{font-size:20px}h2{font-size:18px;border-bottom:2px solid #ccd;padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:24px 0 4px}h4{margin:12px 0 4px}
        .note{color:#555;margin:2px 0 8px;max-width:1100px}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;margin:4px 0 8px}
        th,td{border:1px solid #dde;padding:3px 8px;vertical-align:top}
        thead th{background:#eef0f4;position:relative;white-space:nowrap}
        table.sortable thead th{cursor:pointer;user-select:none}
        th[aria-sort=ascending]::after{content:" \25B2";font-size:10px}
        th[aria-sort=descending]::after{content:" \25BC";font-size:10px}
        tbody td:first-child{white-space:nowrap}
        td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        .ci{display:block;color:#777;font-size:11px}
        table.wide td,table.wide th{font-size:12px}
        table.kv th{text-align:left;background:#f4f5f7}
        pre.yaml{background:#f6f8fa;border:1px solid #dde;padding:8px;overflow-x:auto;max-width:1100px}
        .charts{display:flex;flex-wrap:wrap;gap:12px}
        figure.chart{margin:0}
        svg text{font-family:inherit;font-size:11px;fill:#333}
        svg .ct{font-size:13px;font-weight:600}
        svg .grid{stroke:#e4e4e4}
        svg .frame{fill:none;stroke:#999}
        .verdict-OutsideBoth{font-weight:600;color:#b00}
        """;

    private const string Script = """
        (function () {
          function key(cell) {
            var v = cell.getAttribute('data-value');
            if (v === null) { return cell.textContent.trim(); }
            var n = parseFloat(v);
            return isNaN(n) ? null : n;
          }
          function compare(a, b) {
            if (typeof a === 'number' && typeof b === 'number') { return a - b; }
            return String(a).localeCompare(String(b));
          }
          document.querySelectorAll('table.sortable thead th').forEach(function (th) {
            th.addEventListener('click', function () {
              var table = th.closest('table'), body = table.tBodies[0];
              var index = Array.prototype.indexOf.call(th.parentNode.children, th);
              var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
              th.parentNode.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (r, s) {
                var a = key(r.cells[index]), b = key(s.cells[index]);
                if (a === null || b === null) { return a === b ? 0 : (a === null ? 1 : -1); } // NaN last either way
                return dir * compare(a, b);
              });
              rows.forEach(function (r) { body.appendChild(r); });
            });
          });
        })();
        """;

    public static void Head(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"")
            .Append(Policy).Append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Html.Escape(title))
            .Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
    }

    public static void Tail(StringBuilder html) => html.Append("<script>\n").Append(Script).Append("\n</script>\n</body>\n</html>\n");
}
