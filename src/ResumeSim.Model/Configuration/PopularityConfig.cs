namespace ResumeSim.Model.Configuration;

/// <summary>
/// Share of visits per client: uniform (every client visits at the same mean rate) or Zipf
/// (client of rank i gets a share proportional to 1 / (i+1)^exponent; the mean rate over all
/// clients stays <see cref="ClientsConfig.VisitsPerSecond"/>).
/// </summary>
public sealed record PopularityConfig(PopularityKind Kind, double Exponent)
{
    public static PopularityConfig Uniform { get; } = new(PopularityKind.Uniform, 0);

    public static PopularityConfig Zipf(double exponent) => new(PopularityKind.Zipf, exponent);
}
