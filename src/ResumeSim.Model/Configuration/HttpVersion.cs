namespace ResumeSim.Model.Configuration;

public enum HttpVersion
{
    H1,
    H2,
}
