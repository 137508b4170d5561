namespace ResumeSim.Tls;

/// <summary>How a client's sessions are forgotten: expiry (checked at lookup and swept), a cache clear, churn.</summary>
public sealed partial class ClientSessionArena
{
    /// <summary>Drops every expired session of <paramref name="client"/>.</summary>
    public void PurgeExpired(int client, ClientPreset preset, long now) => PurgeExpired(ref HeadOf(client), preset, PerKey(preset), now);

    /// <summary>Empties <paramref name="client"/>'s cache (browser cache clear); its use and lookup counters go on.</summary>
    public void Clear(int client, ClientPreset preset)
    {
        ref var h = ref HeadOf(client);
        int perKey = PerKey(preset);
        for (int k = h.Count - 1; k >= 0; k--)
        {
            RemoveKey(ref h, perKey, k);
        }
    }

    /// <summary>The client is gone (churn, a new device): its cache is as a new client's, counters included.</summary>
    public void Forget(int client, ClientPreset preset)
    {
        Clear(client, preset);
        ref var h = ref HeadOf(client);
        FreeStorage(ref h, PerKey(preset));
        h = default;
    }

    private static int PerKey(ClientPreset preset) => Math.Max(1, preset.SessionsPerKey);

    // A TLS 1.3 ticket's lifetime ends it; a TLS 1.2 ticket's lifetime hint does not (ClientPreset.Tls12LifetimeCapNs).
    private static bool IsExpired(in HeldSession s, ClientPreset preset, long now) =>
        s.Version == TlsVersion.Tls13
            ? now - s.ReceivedAt >= Math.Min(preset.LifetimeCapNs, s.LifetimeNs)
            : now - s.ReceivedAt >= preset.Tls12LifetimeCapNs;

    private void PurgeExpired(ref Head h, ClientPreset preset, int perKey, long now)
    {
        for (int k = h.Count - 1; k >= 0; k--)
        {
            DropExpired(ref h, preset, perKey, k, now);
            if (!At(ref h, perKey, k, 0).Present)
            {
                RemoveKey(ref h, perKey, k);
            }
        }
    }

    private bool DropExpired(ref Head h, ClientPreset preset, int perKey, int k, long now)
    {
        bool any = false;
        for (int i = perKey - 1; i >= 0; i--)
        {
            var s = At(ref h, perKey, k, i);
            if (s.Present && IsExpired(s.Session, preset, now))
            {
                RemoveAt(ref h, perKey, k, i);
                any = true;
            }
        }

        return any;
    }

    private void Release(in StoredSession s)
    {
        if (!s.Present)
        {
            return;
        }

        if (s.Ticket == InlineTicket)
        {
            inlineTicketsHeld -= Granules(s.Session.TicketLength);
        }
        else
        {
            tickets.Free(s.Ticket, s.Session.TicketLength);
        }
    }
}
