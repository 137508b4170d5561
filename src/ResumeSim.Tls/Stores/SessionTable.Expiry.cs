using System.Buffers;
using System.Diagnostics;

namespace ResumeSim.Tls;

/// <summary>
/// The time half of <see cref="SessionTable"/>: deadlines, sweeps, and which held entries are still live.
/// <para>Expired entries stay in the table until something sweeps them (a put's
/// <see cref="SessionStoreOptions.ExpireOnInsert"/>, a lookup, a flush rule), as they stay in nginx's zone
/// and OpenSSL's cache, so <see cref="SessionTable.Count"/> is what the server holds in memory.
/// <see cref="Live"/> says how many of them could still be resumed. In a FIFO table entries sit in put
/// order, which is deadline order (one timeout, time never goes back), so the expired ones are the
/// oldest: a cursor walks from the old end past entries as their deadlines pass and counts them, each
/// entry once. An LRU table reorders entries on hits, so <see cref="Live"/> scans it.</para>
/// </summary>
internal sealed partial class SessionTable
{
    // Successful handshakes reported (OnHandshakeFinished), for FlushExpiredEveryHandshakes.
    private long handshakes;

    // FIFO only: the oldest entry not yet counted as expired (-1: none), and the entries (and their bytes)
    // older than it, all expired when the cursor last moved and still held.
    private int liveTail = -1;
    private int expiredHeld;
    private long expiredHeldBytes;

    /// <summary>
    /// The entries held at <paramref name="now"/> whose deadline has not passed, and their bytes. FIFO:
    /// amortized O(1); LRU: one walk of the list, for the end of a time bucket.
    /// </summary>
    public StoreOccupancy Live(long now)
    {
        if (refreshOnHit)
        {
            return ScanLive(now);
        }

        while (liveTail >= 0 && now >= Slot(liveTail).ExpiresAt)
        {
            expiredHeld++;
            expiredHeldBytes += SizeAt(liveTail);
            liveTail = Slot(liveTail).Prev;
        }

        return new StoreOccupancy(Count - expiredHeld, Bytes - expiredHeldBytes);
    }

    /// <summary>The same as <see cref="Live"/>, by one walk of the whole list (internal for tests).</summary>
    internal StoreOccupancy ScanLive(long now)
    {
        long entries = 0;
        long bytes = 0;
        for (int slot = head; slot >= 0; slot = Slot(slot).Next)
        {
            if (now < Slot(slot).ExpiresAt)
            {
                entries++;
                bytes += SizeAt(slot);
            }
        }

        return new StoreOccupancy(entries, bytes);
    }

    /// <summary>
    /// Counts one successful handshake for <see cref="SessionStoreOptions.FlushExpiredEveryHandshakes"/>:
    /// OpenSSL's <c>ssl_update_cache</c> (ssl/ssl_lib.c, 3.0) flushes when the count of earlier ones is
    /// N - 1 mod N (<c>(stat &amp; 0xff) == 0xff</c>), and only for a session with an id (it returns early
    /// for an empty one); <c>tls_finish_handshake</c> (ssl/statem/statem_lib.c) then counts this one,
    /// whatever its session. <c>SSL_CTX_flush_sessions</c> walks from the oldest and stops at the first
    /// session that has not timed out.
    /// </summary>
    public void OnHandshakeFinished(long now, bool sessionHasId)
    {
        int every = options.FlushExpiredEveryHandshakes;
        if (every == 0)
        {
            return;
        }

        if (sessionHasId && handshakes % every == every - 1)
        {
            ExpireFromTail(int.MaxValue, now);
        }

        handshakes++;
    }

    /// <summary>
    /// How long the master secrets still held have been in memory at <paramref name="now"/>, added up in
    /// list order, newest first, for the end of a run. Walking the list through the slots is a dependent
    /// cache miss per entry (put order is random in the slots), so the slots are first read front to back
    /// into two compact arrays, each entry's successor and held time, and the walk runs over those, in
    /// cache; the sum is the same, added in the same order. A table too large for that walks its slots.
    /// </summary>
    public ExposureTally HeldExposure(long now)
    {
        if (slotCount > CompactWalkMaxSlots)
        {
            return WalkHeldExposure(now);
        }

        var tally = default(ExposureTally);
        int[] next = ArrayPool<int>.Shared.Rent(slotCount);
        long[] held = ArrayPool<long>.Shared.Rent(slotCount);
        try
        {
            for (int i = 0; i < slotCount; i++)
            {
                if (Tag(i) != 0)
                {
                    next[i] = Slot(i).Next;
                    held[i] = now - StoredAt(i);
                }
            }

            for (int slot = head; slot >= 0; slot = next[slot])
            {
                tally = tally.Add(held[slot]);
            }

            return tally;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<long>.Shared.Return(held);
        }
    }

    /// <summary>The same as <see cref="HeldExposure"/>, walking the list through the slots (internal for tests).</summary>
    internal ExposureTally WalkHeldExposure(long now)
    {
        var tally = default(ExposureTally);
        for (int slot = head; slot >= 0; slot = Slot(slot).Next)
        {
            tally = tally.Add(now - StoredAt(slot));
        }

        return tally;
    }

    /// <summary>Removes every expired entry by a full scan (order-independent, so right for LRU too).</summary>
    public int PurgeExpired(long now)
    {
        int removed = 0;
        int slot = tail;
        while (slot >= 0)
        {
            tracked = Slot(slot).Prev;
            if (now >= Slot(slot).ExpiresAt)
            {
                Remove(slot, RemovalReason.Expired, now);
                removed++;
            }

            slot = tracked;
        }

        return removed;
    }

    private void ExpireFromTail(int max, long now)
    {
        for (int i = 0; i < max && tail >= 0 && now >= Slot(tail).ExpiresAt; i++)
        {
            Remove(tail, RemovalReason.Expired, now);
        }
    }

    // The put time is the expiry minus the timeout (a hit never moves the expiry), so the slot needs no
    // extra field and stays two cache lines; a store without a timeout, or whose expiry is rounded to
    // whole seconds, reads the session's own creation time (a server stores a session when it creates it).
    private long StoredAt(int slot) =>
        options.TimeoutNs > 0 && options.Expiry == ExpiryRule.Exact
            ? Slot(slot).ExpiresAt - options.TimeoutNs
            : SessionState.CreatedAtOf(SessionSlot.Bytes(ref Slot(slot), states));

    /// <summary>The instant an entry put at <paramref name="now"/> stops being served (<see cref="ExpiryRule"/>).</summary>
    private long ExpiryOf(long now)
    {
        long timeout = options.TimeoutNs;
        if (timeout == 0)
        {
            return long.MaxValue;
        }

        long second = now - (((now % Nanoseconds.PerSecond) + Nanoseconds.PerSecond) % Nanoseconds.PerSecond);
        return options.Expiry switch
        {
            ExpiryRule.NginxWholeSeconds => second + timeout,
            ExpiryRule.OpenSslWholeSeconds => second + timeout + Nanoseconds.PerSecond,
            _ => now + timeout,
        };
    }

    /// <summary>A new entry went in at the head: with every older one counted, it is the cursor's next.</summary>
    private void OnLinkedAtHead(int slot)
    {
        if (!refreshOnHit && liveTail < 0)
        {
            liveTail = slot;
        }
    }

    /// <summary>
    /// <paramref name="slot"/> is about to go: uncount it if the cursor has passed it, or move the cursor
    /// to the next newer entry if it is the cursor. Every entry the cursor passed has an earlier deadline
    /// than the cursor's entry (it passed them at a time the cursor's deadline had not come).
    /// </summary>
    private void OnRemoving(int slot)
    {
        if (refreshOnHit)
        {
            return;
        }

        if (slot == liveTail)
        {
            liveTail = Slot(slot).Prev;
        }
        else if (liveTail < 0 || Slot(slot).ExpiresAt < Slot(liveTail).ExpiresAt)
        {
            Debug.Assert(expiredHeld > 0, "uncounting an entry the cursor has not passed");
            expiredHeld--;
            expiredHeldBytes -= SizeAt(slot);
        }
    }
}
