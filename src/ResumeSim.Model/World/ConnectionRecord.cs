using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>
/// One completed connection, as an observer sees it (tests, trace export). <c>Ready</c> is when the client
/// could send its request (the end of the handshake's latency); <c>Done</c> when the handshake completed and
/// the client had what the server issued. They differ by a round trip when the client False Starts.
/// </summary>
internal readonly record struct ConnectionRecord(
    int Client,
    int Host,
    int Server,
    long Start,
    long Ready,
    long Done,
    HandshakeOutcome Outcome,
    MissReason Miss,
    bool Offered,
    bool Measured);
