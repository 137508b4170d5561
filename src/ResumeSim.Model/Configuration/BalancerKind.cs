namespace ResumeSim.Model.Configuration;

public enum BalancerKind
{
    RoundRobin,
    Random,
    LeastConnections,
    SourceHash,
    ConsistentHash,
    SessionSticky,
}
