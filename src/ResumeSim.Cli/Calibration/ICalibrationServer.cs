using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Calibration;

/// <summary>A TLS server on loopback whose CPU <c>calibrate</c> reads from the kernel while it serves.</summary>
internal interface ICalibrationServer : IDisposable
{
    /// <summary>What serves, with versions (for the profile's provenance).</summary>
    string Description { get; }

    /// <summary>Where its CPU is read (for the provenance).</summary>
    string CpuSource { get; }

    /// <summary>Whether this server can produce connections of <paramref name="role"/>.</summary>
    bool Supports(ListenerRole role);

    /// <summary>The loopback port of the listener with <paramref name="role"/> and <paramref name="certificate"/>.</summary>
    int Port(ListenerRole role, CertificateKind certificate);

    /// <summary>Nanoseconds of CPU the server has spent on that listener's connections so far (or on all of them).</summary>
    long CpuNanoseconds(ListenerRole role, CertificateKind certificate);

    /// <summary>Returns once the server is done with every connection made so far (closed and logged).</summary>
    void WaitUntilIdle(ListenerRole role, CertificateKind certificate, long connectionsMade);
}
