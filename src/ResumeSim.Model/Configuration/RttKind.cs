namespace ResumeSim.Model.Configuration;

public enum RttKind
{
    Fixed,
    LogNormal,
}
