namespace ResumeSim.Model.Configuration;

/// <summary>How a handshake's CPU time varies around the price in the cost profile.</summary>
public enum ServiceTimeDistribution
{
    /// <summary>Every handshake of a kind costs exactly its price (real servers are close to this).</summary>
    Fixed,

    /// <summary>
    /// Exponentially distributed with the price as its mean: not what a TLS server does, but it turns the
    /// CPU queue into M/M/c, which Erlang C solves exactly (validation, <c>costs: {exponential: T}</c>).
    /// </summary>
    Exponential,
}
