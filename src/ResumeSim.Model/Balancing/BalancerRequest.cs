using ResumeSim.Tls;

namespace ResumeSim.Model.Balancing;

/// <summary>What a balancer may look at: the client, the connection's identity, the offered session ID.</summary>
internal readonly record struct BalancerRequest(int Client, ulong ConnectionKey, SessionId OfferedSessionId, long Now);
