namespace ResumeSim.Model.Configuration;

/// <summary>How a client opens the connections of a page to one host.</summary>
public enum ConnectionWait
{
    /// <summary>All at once; each connection without a usable session does a full handshake.</summary>
    Parallel,

    /// <summary>
    /// When the client holds no session for the host, later connections wait until the first
    /// handshake completes and resume from it (parameters.md section 2: Chrome's 2014
    /// SSLConnectJobMessenger, behind a flag).
    /// </summary>
    WaitForFirst,
}
