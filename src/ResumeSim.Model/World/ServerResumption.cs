using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>A server's resumption state and the store and key ring it uses (possibly farm-shared).</summary>
internal sealed record ServerResumption(TlsServerState Tls, IServerSessionStore Store, TicketRotator? Rotator);
