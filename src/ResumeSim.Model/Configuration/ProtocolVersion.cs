namespace ResumeSim.Model.Configuration;

public enum ProtocolVersion
{
    Tls12,
    Tls13,
}
