using ResumeSim.Model.Servers;

namespace ResumeSim.Model.World;

/// <summary>The kinds of event of the simulated world; the event's target is named per kind.</summary>
internal static class EventKinds
{
    /// <summary>A client starts a page visit (target: client).</summary>
    public const int Visit = 0;

    /// <summary>A ClientHello reaches the balancer and a server (target: connection).</summary>
    public const int HelloArrives = 1;

    /// <summary>
    /// A core finishes a handshake's CPU work while connections wait for one (target: server, arg:
    /// core); with nobody waiting, a service end is not an event (<see cref="ServerNode"/>).
    /// </summary>
    public const int ServiceDone = 2;

    /// <summary>The client can send its first request (target: connection).</summary>
    public const int HandshakeDone = 3;

    /// <summary>The end of a time-series bucket (target: bucket).</summary>
    public const int BucketEnd = 4;

    /// <summary>A fault of the timeline (target: fault index).</summary>
    public const int Fault = 5;

    /// <summary>Warm-up ends and measuring starts.</summary>
    public const int WarmupEnd = 6;

    /// <summary>The next row of a replayed trace is due (target: row).</summary>
    public const int TraceVisit = 7;

    /// <summary>A fault's window ends: a server or cache node is back, a desync heals (target: fault index).</summary>
    public const int FaultEnd = 8;
}
