namespace ResumeSim.Results.Csv;

/// <summary>
/// <c>summary.csv</c>: <c>strategy, replication, [sweep columns], ...Metrics, steady_state, start</c>. The order
/// of <see cref="Metrics"/> is the file's column order and the order of <see cref="SummaryRow"/>'s
/// constructor; the names are fixed by DESIGN.md section 6 (rename none). <c>steady_state</c> and
/// <c>start</c>, the text columns after them, are not metrics (no interval in summary_ci.csv).
/// </summary>
internal static class SummaryCsv
{
    public static readonly string[] Leading = ["strategy", "replication"];

    public static readonly SummaryMetric[] Metrics =
    [
        SummaryMetric.Of("connections", r => r.Connections),
        SummaryMetric.Of("offered", r => r.Offered),
        SummaryMetric.Of("full", r => r.Full),
        SummaryMetric.Of("resumed_id", r => r.ResumedId),
        SummaryMetric.Of("resumed_ticket", r => r.ResumedTicket),
        SummaryMetric.Of("resumed_psk", r => r.ResumedPsk),
        SummaryMetric.Of("zero_rtt", r => r.ZeroRtt),
        SummaryMetric.Of("resumption_rate", r => r.ResumptionRate),
        SummaryMetric.Of("resumption_rate_offered", r => r.ResumptionRateOffered),
        SummaryMetric.Of("handshake_p50_ms", r => r.HandshakeP50Ms),
        SummaryMetric.Of("handshake_p90_ms", r => r.HandshakeP90Ms),
        SummaryMetric.Of("handshake_p99_ms", r => r.HandshakeP99Ms),
        SummaryMetric.Of("handshake_p999_ms", r => r.HandshakeP999Ms),
        SummaryMetric.Of("page_p50_ms", r => r.PageP50Ms),
        SummaryMetric.Of("page_p90_ms", r => r.PageP90Ms),
        SummaryMetric.Of("page_p99_ms", r => r.PageP99Ms),
        SummaryMetric.Of("page_p999_ms", r => r.PageP999Ms),
        SummaryMetric.Of("pages", r => r.Pages),
        SummaryMetric.Of("cpu_core_seconds", r => r.CpuCoreSeconds),
        SummaryMetric.Of("cpu_util_mean", r => r.CpuUtilMean),
        SummaryMetric.Of("cpu_util_peak", r => r.CpuUtilPeak),
        SummaryMetric.Of("cores_needed", r => r.CoresNeeded),
        SummaryMetric.Of("queue_wait_mean_ms", r => r.QueueWaitMeanMs),
        SummaryMetric.Of("queue_wait_p99_ms", r => r.QueueWaitP99Ms),
        SummaryMetric.Of("store_peak_entries", r => r.StorePeakEntries),
        SummaryMetric.Of("store_peak_bytes", r => r.StorePeakBytes),
        SummaryMetric.Of("evictions", r => r.Evictions),
        SummaryMetric.Of("expirations", r => r.Expirations),
        SummaryMetric.Of("tickets_issued", r => r.TicketsIssued),
        SummaryMetric.Of("tickets_rejected", r => r.TicketsRejected),
        SummaryMetric.Of("tickets_renewed", r => r.TicketsRenewed),
        SummaryMetric.Of("handshake_bytes", r => r.HandshakeBytes),
        SummaryMetric.Of("exposure_max_s", r => r.ExposureMaxS),
        SummaryMetric.Of("exposure_mean_s", r => r.ExposureMeanS),
        SummaryMetric.Of("ttfb_p50_ms", r => r.TtfbP50Ms),
        SummaryMetric.Of("ttfb_p99_ms", r => r.TtfbP99Ms),
        SummaryMetric.Of("early_data_rejected", r => r.EarlyDataRejected),
        SummaryMetric.Of("cpu_ms_per_page", r => r.CpuMsPerPage),
        SummaryMetric.Of("exposure_sessions_max", r => r.ExposureSessionsMax),
        SummaryMetric.Of("warmup_s", r => r.WarmupS),
        SummaryMetric.Of("warmup_mser_s", r => r.WarmupMserS),
        SummaryMetric.Of("store_peak_live_entries", r => r.StorePeakLiveEntries),
        SummaryMetric.Of("store_peak_live_bytes", r => r.StorePeakLiveBytes),
        SummaryMetric.Of("cpu_handshake_core_seconds", r => r.CpuHandshakeCoreSeconds),
        SummaryMetric.Of("cpu_handshake_share", r => r.CpuHandshakeShare),
        SummaryMetric.Of("cores_needed_fractional", r => r.CoresNeededFractional),
    ];

    public static readonly string[] TextColumns = ["steady_state", "start"];

    public static readonly string[] Trailing = [.. Metrics.Select(m => m.Name), .. TextColumns];

    public static void Write(string path, IReadOnlyList<SummaryRow> rows, SweepCells sweepKeys)
    {
        using var csv = CsvTableWriter.Create(path);
        csv.Header(Leading, sweepKeys, Trailing);
        foreach (var row in rows)
        {
            RowChecks.Check(RunFiles.Summary, row.Strategy, row.Sweep, sweepKeys);
            csv.Text(row.Strategy);
            csv.Integer(row.Replication);
            csv.SweepValues(row.Sweep);
            foreach (var metric in Metrics)
            {
                if (metric.Integer is not null)
                {
                    csv.Integer(metric.Integer(row));
                }
                else
                {
                    csv.Real(metric.Real!(row));
                }
            }

            csv.Text(row.SteadyState);
            csv.Text(row.Start);
            csv.EndRow();
        }

        csv.Complete();
    }

    public static List<SummaryRow> Read(string path)
    {
        using var csv = CsvTableReader.Open(path, Leading, Trailing);
        var rows = new List<SummaryRow>();
        while (csv.Read())
        {
            // Arguments are evaluated left to right, so each Next* call reads the next column.
            var strategy = csv.NextText();
            var replication = csv.NextInt32();
            var sweep = csv.NextSweep();
            rows.Add(new SummaryRow(
                Strategy: strategy,
                Replication: replication,
                Connections: csv.NextInteger(),
                Offered: csv.NextInteger(),
                Full: csv.NextInteger(),
                ResumedId: csv.NextInteger(),
                ResumedTicket: csv.NextInteger(),
                ResumedPsk: csv.NextInteger(),
                ZeroRtt: csv.NextInteger(),
                ResumptionRate: csv.NextReal(),
                ResumptionRateOffered: csv.NextReal(),
                HandshakeP50Ms: csv.NextReal(),
                HandshakeP90Ms: csv.NextReal(),
                HandshakeP99Ms: csv.NextReal(),
                HandshakeP999Ms: csv.NextReal(),
                PageP50Ms: csv.NextReal(),
                PageP90Ms: csv.NextReal(),
                PageP99Ms: csv.NextReal(),
                PageP999Ms: csv.NextReal(),
                Pages: csv.NextInteger(),
                CpuCoreSeconds: csv.NextReal(),
                CpuUtilMean: csv.NextReal(),
                CpuUtilPeak: csv.NextReal(),
                CoresNeeded: csv.NextReal(),
                QueueWaitMeanMs: csv.NextReal(),
                QueueWaitP99Ms: csv.NextReal(),
                StorePeakEntries: csv.NextInteger(),
                StorePeakBytes: csv.NextInteger(),
                Evictions: csv.NextInteger(),
                Expirations: csv.NextInteger(),
                TicketsIssued: csv.NextInteger(),
                TicketsRejected: csv.NextInteger(),
                TicketsRenewed: csv.NextInteger(),
                HandshakeBytes: csv.NextInteger(),
                ExposureMaxS: csv.NextReal(),
                ExposureMeanS: csv.NextReal())
            {
                // Initializers run after the constructor's arguments, so these read the columns that follow.
                Sweep = sweep,
                TtfbP50Ms = csv.NextReal(),
                TtfbP99Ms = csv.NextReal(),
                EarlyDataRejected = csv.NextInteger(),
                CpuMsPerPage = csv.NextReal(),
                ExposureSessionsMax = csv.NextReal(),
                WarmupS = csv.NextReal(),
                WarmupMserS = csv.NextReal(),
                StorePeakLiveEntries = csv.NextInteger(),
                StorePeakLiveBytes = csv.NextInteger(),
                CpuHandshakeCoreSeconds = csv.NextReal(),
                CpuHandshakeShare = csv.NextReal(),
                CoresNeededFractional = csv.NextReal(),
                SteadyState = csv.NextText(),
                Start = csv.NextText(),
            });
        }

        return rows;
    }
}
