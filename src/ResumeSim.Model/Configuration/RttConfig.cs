namespace ResumeSim.Model.Configuration;

/// <summary>Round-trip time per client, drawn once per client.</summary>
public sealed record RttConfig(RttKind Kind, TimeSpan Median, double Sigma)
{
    public static RttConfig Fixed(TimeSpan rtt) => new(RttKind.Fixed, rtt, 0);

    /// <summary>Lognormal with the given median and the sigma of the underlying normal.</summary>
    public static RttConfig LogNormal(TimeSpan median, double sigma) => new(RttKind.LogNormal, median, sigma);
}
