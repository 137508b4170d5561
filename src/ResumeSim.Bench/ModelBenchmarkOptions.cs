namespace ResumeSim.Bench;

/// <summary>Sizes of the model benchmark; <see cref="Quick"/> is the CI smoke size.</summary>
public sealed record ModelBenchmarkOptions
{
    public bool Quick { get; init; }

    public int Repetitions { get; init; } = 3;

    public int Clients => Quick ? 20_000 : 1_000_000;

    public double VisitsPerClient { get; init; } = 10;
}
