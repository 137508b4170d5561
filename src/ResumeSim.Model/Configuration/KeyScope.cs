namespace ResumeSim.Model.Configuration;

public enum KeyScope
{
    /// <summary>Every server holds the same key ring (keys distributed to the farm).</summary>
    Shared,

    /// <summary>Each server generates its own keys (OpenSSL's default: random per process).</summary>
    PerServer,
}
