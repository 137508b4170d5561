namespace ResumeSim.Model.Configuration;

/// <summary>What one visit opens: connections to one or more hosts of the site.</summary>
public sealed record PagesConfig
{
    public int Hosts { get; init; } = 1;

    /// <summary>Connections per host for HTTP/1.1; HTTP/2 always opens one per host.</summary>
    public int Connections { get; init; } = 1;

    public HttpVersion Http { get; init; } = HttpVersion.H1;
    public ConnectionWait Wait { get; init; } = ConnectionWait.Parallel;

    /// <summary>Connections actually opened per host.</summary>
    public int ConnectionsPerHost => Http == HttpVersion.H2 ? 1 : Connections;
}
