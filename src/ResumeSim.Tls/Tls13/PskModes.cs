namespace ResumeSim.Tls;

/// <summary>The client's psk_key_exchange_modes (RFC 8446 4.2.9).</summary>
[Flags]
public enum PskModes
{
    /// <summary>Extension absent: the server must not resume with a PSK.</summary>
    None = 0,

    /// <summary>psk_ke: PSK only, no (EC)DHE, no forward secrecy for the resumed session.</summary>
    PskKe = 1,

    /// <summary>psk_dhe_ke: PSK with (EC)DHE; what browsers send.</summary>
    PskDheKe = 2,

    /// <summary>Both modes.</summary>
    Both = PskKe | PskDheKe,
}
