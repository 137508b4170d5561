using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Servers;

/// <summary>A farm and its setup for one scenario and strategy, built the way the world builds them.</summary>
internal static class FarmParts
{
    public const ulong Seed = 42;

    public static ResumptionSetup Setup(ScenarioConfig scenario, StrategyConfig strategy, int maxServers) =>
        new(scenario, strategy, new RandomStreams(Seed), Seed, maxServers);

    public static Farm Farm(ScenarioConfig scenario, StrategyConfig strategy, int maxServers, out ResumptionSetup setup, int workers = 1)
    {
        setup = Setup(scenario, strategy, maxServers);
        return new Farm(setup, new WorkerAssignment(workers, reuseport: false, maxServers, Seed), scenario.Farm.Servers, maxServers, scenario.Farm.Cores, 0);
    }

    public static ScenarioConfig Servers(StrategyConfig strategy, int servers) =>
        TestScenarios.OneServer(strategy) with { Farm = new FarmConfig { Servers = servers, Cores = 2 } };

    /// <summary>A full TLS 1.2 handshake that issues a session id, then a resumption with that id, on one real server.</summary>
    public static (HandshakeResult Full, HandshakeResult Resumed) FullThenResumed(ScenarioConfig scenario, StrategyConfig strategy)
    {
        var server = FarmParts.Setup(scenario, strategy, 1).CreateServer(0, 0, 0).For(0);
        var full = server.Handshake(ClientHello.Fresh12(null), 0);
        var offer = new HeldSession(TlsVersion.Tls12, full.NewSessionId, 0, 0, long.MaxValue);
        var resumed = server.Handshake(ClientHello.Resume12(offer, ReadOnlyMemory<byte>.Empty, null), 1_000);
        return (full, resumed);
    }
}
