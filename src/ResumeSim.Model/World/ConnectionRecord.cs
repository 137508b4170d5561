using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>One completed connection, as an observer sees it (tests, trace export).</summary>
internal readonly record struct ConnectionRecord(
    int Client,
    int Host,
    int Server,
    long Start,
    long Done,
    HandshakeOutcome Outcome,
    MissReason Miss,
    bool Offered,
    bool Measured);
