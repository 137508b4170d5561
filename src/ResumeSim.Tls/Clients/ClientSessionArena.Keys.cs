namespace ResumeSim.Tls;

/// <summary>A client's origin keys: finding one, adding one (evicting the least recently used when full), removing one, and growing or freeing the storage they need.</summary>
public sealed partial class ClientSessionArena
{
    private int Find(ref Head h, int origin)
    {
        for (int i = 0; i < h.Count; i++)
        {
            if (Key(ref h, i).Origin == origin)
            {
                return i;
            }
        }

        return -1;
    }

    private int AddKey(ref Head h, ClientPreset preset, int perKey, int origin)
    {
        if (h.Count == preset.CacheEntries)
        {
            int victim = 0;
            for (int i = 1; i < h.Count; i++)
            {
                victim = Key(ref h, i).LastUse < Key(ref h, victim).LastUse ? i : victim;
            }

            RemoveKey(ref h, perKey, victim);
            Evictions++;
        }

        if (h.Count == Capacity(ref h))
        {
            GrowKeys(ref h, perKey, Math.Min(preset.CacheEntries, Capacity(ref h) * 2) - 1);
        }

        Key(ref h, h.Count) = new KeySlot { Origin = origin };
        for (int i = 1; i < perKey; i++)
        {
            SetAt(ref h, perKey, h.Count, i, default);
        }

        return h.Count++;
    }

    private void RemoveKey(ref Head h, int perKey, int k)
    {
        for (int i = 0; i < perKey; i++)
        {
            Release(At(ref h, perKey, k, i));
        }

        int last = h.Count - 1;
        if (k != last)
        {
            Key(ref h, k) = Key(ref h, last);
            for (int i = 1; i < perKey; i++)
            {
                SetAt(ref h, perKey, k, i, At(ref h, perKey, last, i));
            }
        }

        Key(ref h, last).Newest = default;
        for (int i = 1; i < perKey; i++)
        {
            SetAt(ref h, perKey, last, i, default);
        }

        h.Count--;
    }

    private void RemoveAt(ref Head h, int perKey, int k, int i)
    {
        Release(At(ref h, perKey, k, i));
        for (int j = i; j < perKey - 1; j++)
        {
            SetAt(ref h, perKey, k, j, At(ref h, perKey, k, j + 1));
        }

        SetAt(ref h, perKey, k, perKey - 1, default);
    }

    /// <summary>Keys 1.. of a client live in its overflow, made on its second origin and grown by doubling.</summary>
    private void GrowKeys(ref Head h, int perKey, int restLength)
    {
        if (h.Overflow == 0)
        {
            var made = new Overflow { Rest = new KeySlot[restLength] };
            if (freeOverflows.TryPop(out int index))
            {
                overflows[index] = made;
            }
            else
            {
                index = overflows.Count;
                overflows.Add(made);
            }

            h.Overflow = index + 1;
            return;
        }

        var overflow = overflows[h.Overflow - 1]!;
        Array.Resize(ref overflow.Rest, restLength);
        if (overflow.Older is not null)
        {
            Array.Resize(ref overflow.Older, restLength * (perKey - 1));
        }
    }

    /// <summary>Gives back an emptied client's older-session block and overflow.</summary>
    private void FreeStorage(ref Head h, int perKey)
    {
        if (h.Older != 0)
        {
            Blocks(perKey).Free(h.Older - 1);
        }

        if (h.Overflow != 0)
        {
            overflows[h.Overflow - 1] = null;
            freeOverflows.Push(h.Overflow - 1);
        }
    }

    /// <summary>The pool of blocks of <paramref name="perKey"/> - 1 older sessions (one pool per block length).</summary>
    private SessionBlocks Blocks(int perKey)
    {
        while (olderBlocks.Count < perKey)
        {
            olderBlocks.Add(null);
        }

        return olderBlocks[perKey - 1] ??= new SessionBlocks(perKey - 1);
    }
}
