namespace ResumeSim.Model.Configuration;

/// <summary>
/// Mobile clients whose network changes (Wi-Fi to cellular, a new cell's address): a change drops
/// every session the client holds, since Chrome keys its cache by destination IP and network
/// isolation key (parameters.md section 2; that a change empties the whole cache is an assumption, U).
/// </summary>
/// <param name="Share">Fraction of clients that are mobile, 0..1.</param>
/// <param name="ChangesPerSecond">Network changes per mobile client per second (a Poisson process).</param>
public sealed record MobileConfig(double Share, double ChangesPerSecond);
