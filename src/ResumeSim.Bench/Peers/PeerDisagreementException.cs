namespace ResumeSim.Bench.Peers;

/// <summary>Two simulators counted differently beyond chance, or a run failed: no speed comparison is fair then.</summary>
public sealed class PeerDisagreementException : Exception
{
    public PeerDisagreementException()
    {
    }

    public PeerDisagreementException(string message)
        : base(message)
    {
    }

    public PeerDisagreementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
