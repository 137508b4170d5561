using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// <c>clients.visits</c> (rate, gap distribution, diurnal curve), <c>clients.churn</c> and
/// <c>clients.mobile</c>: how often clients come back and what they still hold when they do.
/// </summary>
internal static class VisitsBinder
{
    private static readonly IReadOnlyList<string> Keys = ["rate", "process", "shape", "sigma", "diurnal"];

    public static (double Rate, VisitProcessConfig Process) Bind(YNode node, Issues issues)
    {
        var section = Section.Open(node, "clients.visits", Keys, issues);
        if (section is null)
        {
            return (1, VisitProcessConfig.Poisson);
        }

        var rate = section.Required("rate", Units.RateForm) is { } rateNode
            && Scalars.TryRate(rateNode, "clients.visits.rate", issues, out var r) ? r : 1;
        var kind = section.Choice("process", VisitProcessKind.Poisson, Choices.VisitProcess);
        var defaults = VisitProcessConfig.Poisson;

        // A shape only means something for its own distribution; written for another it is a mistake.
        if (kind != VisitProcessKind.Pareto && section.Get("shape") is { } shapeNode)
        {
            issues.Add(shapeNode, "clients.visits.shape applies to process: pareto only; expected process: pareto or no shape");
        }

        if (kind != VisitProcessKind.LogNormal && section.Get("sigma") is { } sigmaNode)
        {
            issues.Add(sigmaNode, "clients.visits.sigma applies to process: lognormal only; expected process: lognormal or no sigma");
        }

        return (rate, new VisitProcessConfig
        {
            Kind = kind,

            // shape > 1 keeps the mean gap finite (so the rate means something); shape <= 2 has infinite variance.
            Shape = section.Number("shape", defaults.Shape, 1, 100, minExclusive: true),
            Sigma = section.Number("sigma", defaults.Sigma, 0, 5, minExclusive: true),
            Diurnal = section.Get("diurnal") is { } diurnalNode ? Diurnal(diurnalNode, issues) : null,
        });
    }

    public static double Churn(Section clients) => clients.Number("churn", 0, 0, 1);

    public static MobileConfig? Mobile(YNode node, Issues issues)
    {
        var section = Section.Open(node, "clients.mobile", ["share", "changes"], issues);
        if (section is null)
        {
            return null;
        }

        var share = section.Required("share", "a number from 0 to 1") is { } shareNode
            && Scalars.TryNumber(shareNode, "clients.mobile.share", 0, 1, minExclusive: false, issues, out var s) ? s : 0;
        var changes = section.Required("changes", "a rate such as 2/h") is { } changesNode
            && Scalars.TryRate(changesNode, "clients.mobile.changes", issues, out var c) ? c : 0;
        return new MobileConfig(share, changes);
    }

    private static DiurnalConfig? Diurnal(YNode node, Issues issues)
    {
        const string form = "{amplitude: A, peak: 20h} with 0 <= A <= 1, or {table: [24 hourly values]}";
        var section = Section.Open(node, "clients.visits.diurnal", ["amplitude", "peak", "table"], issues);
        if (section is null)
        {
            return null;
        }

        if (section.Has("table") == section.Has("amplitude") || (section.Has("table") && section.Has("peak")))
        {
            issues.Add(node, $"clients.visits.diurnal needs either amplitude (and peak) or table; expected {form}");
            return null;
        }

        if (section.Get("table") is not { } tableNode)
        {
            return new DiurnalConfig
            {
                Amplitude = section.Number("amplitude", 0, 0, 1),
                PeakHour = section.Duration("peak", TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromHours(24)).TotalHours,
            };
        }

        if (tableNode is not YSequence sequence || sequence.Items.Count != 24)
        {
            issues.Add(tableNode, $"clients.visits.diurnal.table is {tableNode.Describe()}; expected a list of 24 numbers >= 0 (hour 0 first), not all 0");
            return null;
        }

        var values = new double[24];
        var valid = true;
        for (var h = 0; h < 24; h++)
        {
            valid &= Scalars.TryNumber(sequence.Items[h], $"clients.visits.diurnal.table[{h}]", 0, 1e12, minExclusive: false, issues, out values[h]);
        }

        if (valid && values.All(v => v == 0))
        {
            issues.Add(tableNode, "clients.visits.diurnal.table is all 0; expected at least one hour with visits");
            return null;
        }

        return valid ? DiurnalConfig.FromTable(values) : null;
    }
}
