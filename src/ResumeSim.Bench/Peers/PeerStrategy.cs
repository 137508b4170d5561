namespace ResumeSim.Bench.Peers;

/// <summary>
/// One strategy of the peer scenario as every simulator runs it. <paramref name="Kind"/> is <c>ids</c>
/// (a per-server FIFO session cache) or <c>tickets</c> (a farm-shared key ring); the other values are
/// those of that kind, 0 for the other.
/// </summary>
/// <param name="Name">The strategy's name in the scenario file (<c>ids-per-server</c>).</param>
/// <param name="Kind"><c>ids</c> or <c>tickets</c>: what the peers' <c>--strategy</c> takes.</param>
/// <param name="Capacity">ids: sessions per server (already scaled to the run's clients).</param>
/// <param name="TimeoutSeconds">ids: a session is valid this long after it was stored.</param>
/// <param name="LifetimeSeconds">tickets: a ticket's session is valid this long after its full handshake.</param>
/// <param name="RotateSeconds">tickets: a key seals this long.</param>
/// <param name="KeepSeconds">tickets: a key still opens this long after it stopped sealing.</param>
public sealed record PeerStrategy(
    string Name,
    string Kind,
    long Capacity,
    double TimeoutSeconds,
    double LifetimeSeconds,
    double RotateSeconds,
    double KeepSeconds);
