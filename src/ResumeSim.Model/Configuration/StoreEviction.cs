namespace ResumeSim.Model.Configuration;

public enum StoreEviction
{
    /// <summary>Oldest created first; a hit does not refresh (nginx, OpenSSL, BoringSSL, HAProxy).</summary>
    Fifo,

    /// <summary>Least recently used; a hit refreshes recency.</summary>
    Lru,
}
