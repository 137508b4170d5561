namespace ResumeSim.Model.World;

/// <summary>One page visit: ready when every connection it opens has completed its handshake.</summary>
internal struct PageVisit
{
    public int Client;
    public long Start;
    public int Open;
    public bool Measured;

    /// <summary>The client's visit number.</summary>
    public int Visit;

    /// <summary>Connections completed so far, of them full handshakes and offers.</summary>
    public int Connections;
    public int Full;
    public int Offered;

    /// <summary>
    /// Latest handshake completion of its connections so far: the page is ready at the last one, which
    /// need not be the last counted, as some completions are counted when their service starts.
    /// </summary>
    public long Ready;

    /// <summary>Earliest first response byte of its connections (ns).</summary>
    public long FirstByte;

    /// <summary>The visit found the client's sessions dropped (churn or a network change).</summary>
    public bool SessionsDropped;
}
