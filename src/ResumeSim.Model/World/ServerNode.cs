namespace ResumeSim.Model.World;

/// <summary>
/// One TLS-terminating server: c cores serving handshake CPU work first come, first served, and
/// the server's resumption state from the real core (its own or farm-shared store and key ring).
/// </summary>
internal sealed class ServerNode
{
    private int[] _queue = new int[64];
    private int _head;
    private int _count;

    public ServerNode(int index, int cores, ServerResumption resumption)
    {
        Index = index;
        Cores = cores;
        Resumption = resumption;
    }

    public int Index { get; }

    public int Cores { get; }

    /// <summary>The server's resumption state; replaced when the server restarts.</summary>
    public ServerResumption Resumption { get; set; }

    public int BusyCores { get; set; }

    /// <summary>Connections sent here whose handshake has not completed yet.</summary>
    public int ActiveHandshakes { get; set; }

    /// <summary>Connections waiting for a core.</summary>
    public int QueueLength => _count;

    public bool HasFreeCore => BusyCores < Cores;

    public void Enqueue(int connection)
    {
        if (_count == _queue.Length)
        {
            Grow();
        }

        _queue[(_head + _count) % _queue.Length] = connection;
        _count++;
    }

    public bool TryDequeue(out int connection)
    {
        if (_count == 0)
        {
            connection = -1;
            return false;
        }

        connection = _queue[_head];
        _head = (_head + 1) % _queue.Length;
        _count--;
        return true;
    }

    private void Grow()
    {
        var bigger = new int[_queue.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = _queue[(_head + i) % _queue.Length];
        }

        _queue = bigger;
        _head = 0;
    }
}
