namespace ResumeSim.Model.World;

/// <summary>One page visit when it is ready, as an observer sees it (tests, trace export). Times in ns.</summary>
/// <param name="Client">The client.</param>
/// <param name="Visit">The client's visit number (1 = first).</param>
/// <param name="Start">When the visit started.</param>
/// <param name="Ready">When its last connection completed its handshake.</param>
/// <param name="Connections">Connections the visit opened.</param>
/// <param name="Full">Of them, full handshakes.</param>
/// <param name="Offered">Of them, connections whose ClientHello offered a session.</param>
/// <param name="FirstByte">Earliest first response byte of any of its connections.</param>
/// <param name="SessionsDropped">The visit found the client's sessions dropped (churn or a network change).</param>
internal readonly record struct PageRecord(
    int Client,
    int Visit,
    long Start,
    long Ready,
    int Connections,
    int Full,
    int Offered,
    long FirstByte,
    bool SessionsDropped)
{
    public int Resumed => Connections - Full;
}
