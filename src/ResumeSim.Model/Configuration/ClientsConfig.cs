using ResumeSim.Model.Arrivals;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Configuration;

/// <summary>The client population: how many, who visits how often, how far away, which software.</summary>
public sealed record ClientsConfig
{
    public required int Count { get; init; }

    /// <summary>How visits are shared among clients.</summary>
    public PopularityConfig Popularity { get; init; } = PopularityConfig.Uniform;

    /// <summary>Mean visits per client per second (a scenario writes <c>4/h</c>).</summary>
    public required double VisitsPerSecond { get; init; }

    public RttConfig Rtt { get; init; } = RttConfig.Fixed(TimeSpan.FromMilliseconds(40));

    /// <summary>Client software shares; the shares sum to 1.</summary>
    public IReadOnlyList<ClientMixEntry> Mix { get; init; } = [new ClientMixEntry("chrome", 1.0)];

    /// <summary>
    /// A recorded trace that replaces the visit process (<c>clients: {trace: FILE}</c>): its rows are
    /// the visits, its distinct clients are <see cref="Count"/> and its hosts the page's hosts.
    /// </summary>
    public TraceArrivals? Trace { get; init; }

    /// <summary>Gap distribution and rate curve of each client's visits (default: Poisson, constant rate).</summary>
    public VisitProcessConfig Process { get; init; } = VisitProcessConfig.Poisson;

    /// <summary>Share of visits that come from a new client with an empty session store, 0..1.</summary>
    public double Churn { get; init; }

    /// <summary>Mobile clients whose network changes drop their sessions, or null for none.</summary>
    public MobileConfig? Mobile { get; init; }
}
