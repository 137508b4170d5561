namespace ResumeSim.Model.Configuration;

public enum PopularityKind
{
    Uniform,
    Zipf,
}
