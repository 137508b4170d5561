using System.Buffers.Binary;

namespace ResumeSim.Tls;

/// <summary>
/// A server's ticket key ring, in the spirit of rustls' <c>TicketRotator</c> and Go's <c>ticketKeys</c>:
/// the newest key seals, older keys still open tickets for <see cref="TicketRotatorOptions.KeepNs"/>
/// after they stopped sealing, at most <see cref="TicketRotatorOptions.MaxKeys"/> keys are held.
/// Rotation is lazy (checked on every <see cref="Seal"/> and <see cref="TryOpen"/>, as rustls'
/// <c>maybe_roll(now)</c>) and can be forced with <see cref="RotateIfDue"/>; nothing runs on a timer.
/// Every key's creation, stop-sealing and erase instants are kept for the exposure metric.
/// Times are ns since an arbitrary epoch. Not thread-safe.
/// </summary>
public sealed class TicketRotator
{
    private readonly List<TicketKey> active = new(4);
    private readonly List<TicketKey> retired = new();
    private readonly HashSet<UInt128> retiredNames = new();
    private readonly long[] rejected = new long[Enum.GetValues<TicketOpenStatus>().Length];
    private readonly IRandomBytes random;

    /// <summary>Creates a ring; with <paramref name="generateFirstKey"/> it holds one fresh key made at <paramref name="now"/>.</summary>
    public TicketRotator(TicketRotatorOptions options, IRandomBytes random, long now, bool generateFirstKey = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        Options = options;
        this.random = random;
        if (generateFirstKey)
        {
            active.Add(TicketKey.Generate(options.Cipher, random, now));
        }
    }

    /// <summary>The policy.</summary>
    public TicketRotatorOptions Options { get; }

    /// <summary>Keys that still open tickets, newest (the sealing key) first.</summary>
    public IReadOnlyList<TicketKey> ActiveKeys => active;

    /// <summary>Erased keys in erase order, with their timestamps.</summary>
    public IReadOnlyList<TicketKey> RetiredKeys => retired;

    /// <summary>The key that seals now, or null when the ring is empty.</summary>
    public TicketKey? CurrentKey => active.Count > 0 ? active[0] : null;

    /// <summary>Tickets sealed.</summary>
    public long TicketsSealed { get; private set; }

    /// <summary>Tickets opened successfully.</summary>
    public long TicketsOpened { get; private set; }

    /// <summary>Tickets refused, any reason.</summary>
    public long TicketsRejected { get; private set; }

    /// <summary>Tickets refused for <paramref name="status"/>.</summary>
    public long RejectedFor(TicketOpenStatus status) => rejected[(int)status];

    /// <summary>Ticket length <see cref="Seal"/> will produce for <paramref name="state"/> with the current cipher.</summary>
    public int SealedLength(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return TicketKey.SealedLength(CurrentKey?.Cipher ?? Options.Cipher, state.SerializedLength);
    }

    /// <summary>Seals <paramref name="state"/> with the newest key, rotating first if due (and creating a key if the ring is empty).</summary>
    public byte[] Seal(SessionState state, long now)
    {
        ArgumentNullException.ThrowIfNull(state);
        Maintain(now, needKey: true);
        var key = active[0];
        Span<byte> plaintext = stackalloc byte[SessionState.MaxSerializedLength];
        int length = state.Serialize(plaintext);
        var ticket = new byte[TicketKey.SealedLength(key.Cipher, length)];
        key.Seal(plaintext[..length], random, ticket);
        TicketsSealed++;
        return ticket;
    }

    /// <summary>
    /// Opens a ticket. Never throws: every refusal has a <see cref="TicketOpenStatus"/>.
    /// <paramref name="renew"/> is true when it was opened with an older key and the policy re-issues.
    /// </summary>
    public TicketOpenStatus TryOpen(ReadOnlySpan<byte> ticket, long now, out SessionState? state, out bool renew)
    {
        state = null;
        renew = false;
        Maintain(now, needKey: false);
        var status = Open(ticket, now, out state, out int keyIndex);
        if (status != TicketOpenStatus.Ok)
        {
            state = null;
            TicketsRejected++;
            rejected[(int)status]++;
            return status;
        }

        TicketsOpened++;
        renew = keyIndex > 0 && Options.RenewWhenOldKey;
        return status;
    }

    /// <summary>
    /// Rotates when the newest key has sealed for <see cref="TicketRotatorOptions.RotateEveryNs"/>
    /// (or the ring is empty), and erases keys past their keep window. True when a new key took over.
    /// </summary>
    public bool RotateIfDue(long now) => Maintain(now, needKey: true);

    /// <summary>
    /// Installs a copy of a key made elsewhere (farm-shared keys, a key file) as the new sealing key;
    /// the previous newest keeps decrypting. False when a key with that name is already held.
    /// </summary>
    public bool InstallKey(TicketKey key, long now)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (int i = 0; i < active.Count; i++)
        {
            if (active[i].NameValue == key.NameValue)
            {
                return false;
            }
        }

        if (active.Count > 0)
        {
            active[0].MarkStoppedEncrypting(now);
        }

        active.Insert(0, key.Copy());
        EnforceMaxKeys(now);
        return true;
    }

    /// <summary>Erases every key (a server restart loses its in-memory keys); the next seal creates a new one.</summary>
    public void Clear(long now)
    {
        for (int i = active.Count - 1; i >= 0; i--)
        {
            EraseAt(i, now);
        }
    }

    private bool Maintain(long now, bool needKey)
    {
        bool rotated = false;
        if (active.Count == 0)
        {
            if (!needKey)
            {
                return false;
            }

            active.Add(TicketKey.Generate(Options.Cipher, random, now));
            rotated = true;
        }
        else if (Options.RotateEveryNs > 0 && now - active[0].CreatedAt >= Options.RotateEveryNs)
        {
            active[0].MarkStoppedEncrypting(now);
            active.Insert(0, TicketKey.Generate(Options.Cipher, random, now));
            rotated = true;
        }

        for (int i = active.Count - 1; i >= 1; i--)
        {
            long? stopped = active[i].StoppedEncryptingAt;
            if (stopped.HasValue && now - stopped.Value >= Options.KeepNs)
            {
                EraseAt(i, now);
            }
        }

        EnforceMaxKeys(now);
        return rotated;
    }

    private void EnforceMaxKeys(long now)
    {
        while (active.Count > Options.MaxKeys)
        {
            EraseAt(active.Count - 1, now);
        }
    }

    private void EraseAt(int index, long now)
    {
        var key = active[index];
        active.RemoveAt(index);
        key.Erase(now);
        retired.Add(key);
        retiredNames.Add(key.NameValue);
    }

    private TicketOpenStatus Open(ReadOnlySpan<byte> ticket, long now, out SessionState? state, out int keyIndex)
    {
        state = null;
        keyIndex = -1;
        if (ticket.Length < TicketKey.NameLength)
        {
            return TicketOpenStatus.Truncated;
        }

        var name = BinaryPrimitives.ReadUInt128BigEndian(ticket);
        for (int i = 0; i < active.Count; i++)
        {
            if (active[i].NameValue == name)
            {
                keyIndex = i;
                break;
            }
        }

        if (keyIndex < 0)
        {
            return retiredNames.Contains(name) ? TicketOpenStatus.KeyRetired : TicketOpenStatus.UnknownKey;
        }

        Span<byte> plaintext = stackalloc byte[SessionState.MaxSerializedLength + 16];
        var status = active[keyIndex].Open(ticket, plaintext, out int written);
        if (status != TicketOpenStatus.Ok)
        {
            return status;
        }

        if (!SessionState.TryDeserialize(plaintext[..written], out state) || state is null)
        {
            return TicketOpenStatus.Malformed;
        }

        // The crypto knows nothing of lifetimes; that is left to the rotator (rustls ticketer.rs).
        bool tooOld = Options.TicketLifetimeNs > 0 && now - state.CreatedAt >= Options.TicketLifetimeNs;
        return tooOld || state.IsExpired(now) ? TicketOpenStatus.Expired : TicketOpenStatus.Ok;
    }
}
