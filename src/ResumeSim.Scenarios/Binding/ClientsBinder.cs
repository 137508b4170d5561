using ResumeSim.LowLevel.Files;
using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Presets;
using ResumeSim.Model.World;
using ResumeSim.Scenarios.Input;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// The <c>clients:</c> mapping: population size, popularity, visit process, RTT and software mix; or
/// a recorded trace (<c>trace: FILE</c>) that gives the clients and their visits, with RTT and mix
/// still drawn from the scenario.
/// </summary>
internal static class ClientsBinder
{
    private static readonly IReadOnlyList<string> Keys = ["count", "popularity", "visits", "rtt", "mix", "churn", "mobile", "trace"];

    // The keys a trace replaces: its rows are the visits and its distinct ids the clients, so who
    // visits when, and which visit comes from a new or moved client, is the trace's to say.
    private static readonly IReadOnlyList<string> TraceReplaces = ["count", "popularity", "visits", "churn", "mobile"];

    // Shares are written with a few decimals (0.8 + 0.2); 1e-6 absorbs binary rounding, not typos.
    private const double ShareTolerance = 1e-6;

    public static ClientsConfig Placeholder { get; } = new() { Count = 1, VisitsPerSecond = 1 };

    /// <param name="files">Where a relative trace path starts from (the scenario's folder), and the traces read so far.</param>
    public static ClientsConfig Bind(YNode node, Issues issues, NamedFiles files)
    {
        var section = Section.Open(node, "clients", Keys, issues);
        if (section is null)
        {
            return Placeholder;
        }

        if (section.Get("trace") is { } traceNode)
        {
            return BindTrace(section, traceNode, issues, files);
        }

        var count = section.Required("count", "an integer >= 1") is { } countNode
            && Scalars.TryInt(countNode, "clients.count", 1, int.MaxValue, issues, out var c) ? (int)c : 1;
        var (rate, process) = section.Required("visits", "{rate: 4/h}") is { } visitsNode
            ? VisitsBinder.Bind(visitsNode, issues)
            : (1, VisitProcessConfig.Poisson);
        var popularity = section.Get("popularity") is { } popularityNode ? Popularity(popularityNode, issues) : PopularityConfig.Uniform;
        var rtt = section.Get("rtt") is { } rttNode ? Rtt(rttNode, issues) : Placeholder.Rtt;
        var mix = section.Get("mix") is { } mixNode ? Mix(mixNode, issues) : Placeholder.Mix;

        return new ClientsConfig
        {
            Count = count,
            VisitsPerSecond = rate,
            Popularity = popularity,
            Rtt = rtt,
            Mix = mix,
            Process = process,
            Churn = VisitsBinder.Churn(section),
            Mobile = section.Get("mobile") is { } mobileNode ? VisitsBinder.Mobile(mobileNode, issues) : null,
        };
    }

    private static ClientsConfig BindTrace(Section section, YNode traceNode, Issues issues, NamedFiles files)
    {
        foreach (var key in TraceReplaces)
        {
            if (section.Node.Find(key) is { } entry)
            {
                issues.Add(entry.Key, $"clients.{key} cannot be used with clients.trace: the trace's rows are the visits and its distinct client ids the clients; expected only trace, rtt and mix");
            }
        }

        var rtt = section.Get("rtt") is { } rttNode ? Rtt(rttNode, issues) : Placeholder.Rtt;
        var mix = section.Get("mix") is { } mixNode ? Mix(mixNode, issues) : Placeholder.Mix;
        var trace = ReadTrace(traceNode, issues, files);
        if (trace is null)
        {
            return Placeholder;
        }

        // Informational only (nothing draws gaps from it): the trace's mean visits per client per second.
        var span = Math.Max(1.0, trace.LastTicks / 1e9);
        return new ClientsConfig
        {
            Count = trace.ClientCount,
            VisitsPerSecond = trace.Count / (double)trace.ClientCount / span,
            Rtt = rtt,
            Mix = mix,
            Trace = trace,
        };
    }

    private static TraceArrivals? ReadTrace(YNode node, Issues issues, NamedFiles files)
    {
        const string form = $"a path to a CSV file (relative to the scenario's folder) with the header {TraceArrivals.Header}";
        if (!Scalars.TryText(node, "clients.trace", form, issues, out var text))
        {
            return null;
        }

        var path = files.Resolve(text);
        if (!File.Exists(path))
        {
            issues.Add(node, $"clients.trace: trace file {Excerpt.Quote(text)} not found ({files.LookedIn(text)}); expected {form}");
            return null;
        }

        // A trace may be large, so it is not capped like a scenario; but a pipe or device is never opened.
        if (FileTypeProbe.Of(path) is FileType.Directory or FileType.Special)
        {
            issues.Add(node, $"clients.trace: {Excerpt.Quote(text)} is not a regular file (a directory, pipe, socket or device) and was not read; expected {form}");
            return null;
        }

        var before = issues.Count;
        var trace = files.Read(path, issues, own => ParseTrace(path, own));
        if (issues.Count > before)
        {
            issues.Add(node, $"clients.trace: trace file {Excerpt.Quote(text)} has errors (reported above)");
        }

        return trace;
    }

    private static TraceArrivals? ParseTrace(string path, Issues issues)
    {
        var errors = new List<TraceError>();
        TraceArrivals? trace;
        try
        {
            using var reader = new StreamReader(path);
            trace = TraceArrivals.Parse(reader, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            issues.Add(0, 0, $"cannot be read ({e.GetType().Name}); expected a readable trace CSV file");
            return null;
        }

        foreach (var error in errors)
        {
            issues.Add(error.Line, error.Column, error.Message);
        }

        return errors.Count > 0 ? null : trace;
    }

    private static PopularityConfig Popularity(YNode node, Issues issues)
    {
        const string form = "uniform or {zipf: EXPONENT} with an exponent > 0";
        if (node is YScalar scalar)
        {
            if (!scalar.IsNull && scalar.Value == "uniform")
            {
                return PopularityConfig.Uniform;
            }

            issues.Add(node, $"clients.popularity: {node.Describe()} is not a popularity; expected {form}");
            return PopularityConfig.Uniform;
        }

        var section = Section.Open(node, "clients.popularity", ["zipf"], issues);
        if (section?.Required("zipf", "an exponent > 0, e.g. 0.8") is not { } zipfNode)
        {
            return PopularityConfig.Uniform;
        }

        return Scalars.TryNumber(zipfNode, "clients.popularity.zipf", 0, 10, minExclusive: true, issues, out var exponent)
            ? PopularityConfig.Zipf(exponent)
            : PopularityConfig.Uniform;
    }

    private static RttConfig Rtt(YNode node, Issues issues)
    {
        var fallback = Placeholder.Rtt;
        var section = Section.Open(node, "clients.rtt", ["fixed", "lognormal"], issues);
        if (section is null)
        {
            return fallback;
        }

        if (section.Has("fixed") == section.Has("lognormal"))
        {
            issues.Add(node, "clients.rtt needs exactly one of fixed or lognormal; expected {fixed: 40ms} or {lognormal: {median: 40ms, sigma: 0.6}}");
            return fallback;
        }

        var maxRtt = TimeSpan.FromSeconds(10);
        if (section.Has("fixed"))
        {
            return RttConfig.Fixed(section.Duration("fixed", fallback.Median, TimeSpan.Zero, maxRtt));
        }

        var lognormal = Section.Open(section.Get("lognormal")!, "clients.rtt.lognormal", ["median", "sigma"], issues);
        if (lognormal is null)
        {
            return fallback;
        }

        var median = lognormal.Required("median", "a duration > 0, e.g. 40ms") is { } medianNode
            && Scalars.TryDuration(medianNode, "clients.rtt.lognormal.median", TimeSpan.FromTicks(1), maxRtt, issues, out var m) ? m : fallback.Median;
        var sigma = lognormal.Required("sigma", "a number >= 0, e.g. 0.6") is { } sigmaNode
            && Scalars.TryNumber(sigmaNode, "clients.rtt.lognormal.sigma", 0, 5, minExclusive: false, issues, out var s) ? s : 0;
        return RttConfig.LogNormal(median, sigma);
    }

    private static IReadOnlyList<ClientMixEntry> Mix(YNode node, Issues issues)
    {
        var presets = string.Join(", ", ClientPresetNames.All);
        if (node is not YSequence sequence || sequence.Items.Count == 0)
        {
            issues.Add(node, $"clients.mix is {node.Describe()}; expected a non-empty list of {{browser: NAME, share: X}} with NAME one of: {presets}");
            return Placeholder.Mix;
        }

        var mix = new List<ClientMixEntry>();
        var valid = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var path = $"clients.mix[{i}]";
            var item = Section.Open(sequence.Items[i], path, ["browser", "client", "share", .. MixOverridesBinder.Keys], issues);
            if (item is null)
            {
                valid = false;
                continue;
            }

            if (item.Has("browser") == item.Has("client"))
            {
                issues.Add(item.Node, $"{path} needs exactly one of browser or client (synonyms); expected {{browser: NAME, share: X}}");
                valid = false;
                continue;
            }

            var key = item.Has("browser") ? "browser" : "client";
            var nameNode = item.Get(key)!;
            var name = Scalars.TryText(nameNode, $"{path}.{key}", $"one of: {presets}", issues, out var text) ? text : "";
            if (name.Length > 0 && !ClientPresetNames.All.Contains(name))
            {
                issues.Add(nameNode, $"{path}.{key}: {Excerpt.Quote(name)} is not a client preset; expected one of: {presets}");
                valid = false;
            }
            else if (mix.Exists(e => e.Preset == name))
            {
                issues.Add(nameNode, $"{path}.{key}: {Excerpt.Quote(name)} is listed twice; expected each client preset once");
                valid = false;
            }

            var share = item.Required("share", "a number > 0 and <= 1") is { } shareNode
                && Scalars.TryNumber(shareNode, $"{path}.share", 0, 1, minExclusive: true, issues, out var s) ? s : double.NaN;
            valid &= name.Length > 0 && !double.IsNaN(share);
            mix.Add(MixOverridesBinder.Apply(item, path, new ClientMixEntry(name, share)));
        }

        var sum = mix.Sum(e => double.IsNaN(e.Share) ? 0 : e.Share);
        if (valid && Math.Abs(sum - 1) > ShareTolerance)
        {
            issues.Add(node, $"clients.mix shares sum to {sum:0.######}; expected shares that sum to 1");
        }

        return mix;
    }
}
