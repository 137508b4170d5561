namespace ResumeSim.Tls;

/// <summary>
/// How a real server issues and accepts tickets when its operator leaves the defaults: where its keys come
/// from and how they rotate (<see cref="Rotator"/>), which tickets it sends, how long they live and how
/// 0-RTT replays are stopped. Times in ns.
/// </summary>
/// <param name="Name">The preset's name as scenarios write it.</param>
/// <param name="Rotator">The key ring of one server: cipher, rotation, keys held, ticket lifetime, TLS 1.2 renewal.</param>
public sealed record ServerTicketPreset(string Name, TicketRotatorOptions Rotator)
{
    /// <summary>TLS 1.3 tickets after a full handshake.</summary>
    public int Tls13TicketsAfterFull { get; init; } = 2;

    /// <summary>TLS 1.3 tickets after a resumption.</summary>
    public int Tls13TicketsAfterResumption { get; init; } = 1;

    /// <summary>See <see cref="ServerResumptionOptions.Tls13RenewOnlyWithOldKey"/>.</summary>
    public bool Tls13RenewOnlyWithOldKey { get; init; }

    /// <summary>See <see cref="ServerResumptionOptions.Tls13AbsoluteExpiry"/>.</summary>
    public bool Tls13AbsoluteExpiry { get; init; }

    /// <summary>See <see cref="ServerResumptionOptions.CachesStatelessTls13Sessions"/>.</summary>
    public bool CachesStatelessTls13Sessions { get; init; }

    /// <summary>How 0-RTT replays are stopped when early data is on.</summary>
    public EarlyDataAntiReplay AntiReplay { get; init; } = EarlyDataAntiReplay.SingleUseTickets;

    /// <summary>
    /// The ring when the operator deploys the same key files on every server and rotates them (the farm-shared
    /// case): keys held and TLS 1.2 renewal; the rotation period is the operator's.
    /// </summary>
    public int SharedKeysHeld { get; init; } = 1;

    /// <summary>With operator key files, a TLS 1.2 ticket opened with a key other than the sealing one is re-issued.</summary>
    public bool SharedKeysRenew { get; init; }

    /// <summary>With operator key files, TLS 1.3 resumptions get a ticket only when opened with an older key.</summary>
    public bool SharedKeysTls13RenewOnlyWithOldKey { get; init; }

    /// <summary>False when early data with this server's anti-replay was not read in its source.</summary>
    public bool EarlyDataModelled { get; init; } = true;

    /// <summary>Where the values come from.</summary>
    public string Source { get; init; } = string.Empty;
}
