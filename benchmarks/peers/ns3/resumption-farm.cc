// The peer scenario of benchmarks/peers/peers.yaml on ns-3's core simulator (Simulator::Schedule,
// its default scheduler, its random variable streams). The same model as simpy/resumption_farm.py:
//
// A farm of servers with `cores` cores each, taken first come first served. Every client revisits as
// a Poisson process; a visit opens one TLS 1.2 connection to the server its address hashes to. The
// ClientHello reaches the server 1.5 RTT after the visit; when a core takes it up the server decides,
// against its cache as it is at that moment, whether the offered session resumes. The core is busy
// for the handshake's fixed cost, then the per-connection base. A new session (or a renewed ticket)
// reaches the client half an RTT after the handshake's part ends, plus one more round trip for a
// full TLS 1.2 handshake.
//
//   --strategy=ids      per-server session cache: FIFO by creation, no refresh on a hit, `capacity`
//                       entries, a session valid for `timeout` after it was stored
//   --strategy=tickets  one key ring for the farm: a key seals for `rotate`, opens for `keep` after it
//                       stopped sealing; a ticket opens while its key does and its session is younger
//                       than `lifetime`; a ticket under an older key is renewed under the newest,
//                       keeping its session's creation time
//
// The client (Chrome) keeps its newest session and offers it while it is younger than
// `client-lifetime`. Connections of visits that start before `duration` are counted and run to
// completion; server CPU is counted up to `duration`. Prints one line: `peer-result/1 simulator=ns3 ...`.

#include "ns3/command-line.h"
#include "ns3/double.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

struct Parameters
{
    std::string strategy;
    uint32_t clients = 0;
    uint32_t servers = 0;
    uint32_t cores = 0;
    double visitsPerHour = 0;
    double durationS = 0;
    double rttMs = 0;
    double baseUs = 0;
    double fullUs = 0;
    double resumedUs = 0;
    double clientLifetimeS = 0;
    uint32_t capacity = 0;
    double timeoutS = 0;
    double lifetimeS = 0;
    double rotateS = 0;
    double keepS = 0;
    uint32_t seed = 1;
};

// A session as the client holds it: when the full handshake made it, and its session id (ids) or
// the epoch of the key that sealed its ticket (tickets). created < 0: nothing held.
struct Held
{
    int64_t created = -1;
    uint64_t handle = 0;
};

// A server's session cache. Ids are issued in increasing order and the cache is FIFO by creation,
// so its entries stay sorted by id: a lookup is a binary search, an eviction a pop at the front.
struct SessionCache
{
    struct Entry
    {
        uint64_t id;
        int64_t expires;
    };

    std::deque<Entry> entries;

    bool Live(uint64_t id, int64_t now) const
    {
        auto it = std::lower_bound(entries.begin(), entries.end(), id, [](const Entry& e, uint64_t key) {
            return e.id < key;
        });
        return it != entries.end() && it->id == id && now < it->expires;
    }

    void Put(uint64_t id, int64_t expires, int64_t now, uint32_t capacity)
    {
        // One timeout for all: expired sessions sit at the old end, with the oldest live ones behind them.
        while (!entries.empty() && (entries.front().expires <= now || entries.size() >= capacity))
        {
            entries.pop_front();
        }
        entries.push_back({id, expires});
    }
};

struct Server
{
    uint32_t busyCores = 0;
    std::deque<uint32_t> waiting; // connections waiting for a core, first come first served
    SessionCache cache;
};

struct Connection
{
    uint32_t client;
    Held offer;
};

class Farm
{
  public:
    explicit Farm(const Parameters& p)
        : m_p(p),
          m_rtt(static_cast<int64_t>(p.rttMs * 1e6)),
          m_base(static_cast<int64_t>(p.baseUs * 1e3)),
          m_full(static_cast<int64_t>(p.fullUs * 1e3)),
          m_resumed(static_cast<int64_t>(p.resumedUs * 1e3)),
          m_end(static_cast<int64_t>(p.durationS * 1e9)),
          m_servers(p.servers),
          m_serverOf(p.clients),
          m_held(p.clients),
          m_gap(CreateObject<ExponentialRandomVariable>()),
          m_hash(CreateObject<UniformRandomVariable>())
    {
        m_gap->SetAttribute("Mean", DoubleValue(3600.0 / p.visitsPerHour));
        // A source-address hash: where each client lands, uniform over the servers and fixed for the run.
        for (auto& s : m_serverOf)
        {
            s = m_hash->GetInteger(0, p.servers - 1);
        }
    }

    void Start()
    {
        for (uint32_t c = 0; c < m_p.clients; c++)
        {
            ScheduleVisit(c);
        }
    }

    void Report() const
    {
        std::printf("peer-result/1 simulator=ns3 strategy=%s connections=%llu resumed=%llu cpu_core_s=%.17g\n",
                    m_p.strategy.c_str(),
                    static_cast<unsigned long long>(m_connections),
                    static_cast<unsigned long long>(m_resumedCount),
                    static_cast<double>(m_cpuNs) / 1e9);
    }

  private:
    void ScheduleVisit(uint32_t client)
    {
        Simulator::Schedule(Seconds(m_gap->GetValue()), &Farm::Visit, this, client);
    }

    void Visit(uint32_t client)
    {
        int64_t now = Simulator::Now().GetNanoSeconds();
        if (now >= m_end)
        {
            return;
        }
        ScheduleVisit(client);
        m_connections++;
        Held offer = m_held[client];
        if (offer.created >= 0 && now - offer.created >= Ns(m_p.clientLifetimeS))
        {
            offer.created = -1;
        }
        uint32_t connection = Allocate(Connection{client, offer});
        // SYN, SYN-ACK, then ACK with the ClientHello.
        Simulator::Schedule(NanoSeconds(m_rtt + m_rtt / 2), &Farm::HelloArrives, this, connection);
    }

    void HelloArrives(uint32_t connection)
    {
        Server& server = m_servers[m_serverOf[m_connectionsInFlight[connection].client]];
        if (server.busyCores < m_p.cores)
        {
            server.busyCores++;
            Serve(connection);
        }
        else
        {
            server.waiting.push_back(connection);
        }
    }

    void Serve(uint32_t connection)
    {
        Connection c = m_connectionsInFlight[connection];
        Release(connection);
        uint32_t serverIndex = m_serverOf[c.client];
        int64_t now = Simulator::Now().GetNanoSeconds();
        Held given;
        bool resumed = Decide(m_servers[serverIndex], c.offer, now, given);
        int64_t handshake = resumed ? m_resumed : m_full;
        m_resumedCount += resumed ? 1 : 0;
        m_cpuNs += std::max<int64_t>(0, std::min(now + handshake + m_base, m_end) - now);
        if (given.created >= 0)
        {
            int64_t delay = handshake + m_rtt / 2 + (resumed ? 0 : m_rtt);
            Simulator::Schedule(NanoSeconds(delay), &Farm::Keep, this, c.client, given);
        }
        Simulator::Schedule(NanoSeconds(handshake + m_base), &Farm::CoreFree, this, serverIndex);
    }

    void CoreFree(uint32_t serverIndex)
    {
        Server& server = m_servers[serverIndex];
        if (server.waiting.empty())
        {
            server.busyCores--;
            return;
        }
        uint32_t next = server.waiting.front();
        server.waiting.pop_front();
        Serve(next);
    }

    // Whether the offer resumes; `given` is what the client is sent to keep (created < 0: nothing).
    bool Decide(Server& server, const Held& offer, int64_t now, Held& given)
    {
        if (m_p.strategy == "ids")
        {
            if (offer.created >= 0 && server.cache.Live(offer.handle, now))
            {
                return true;
            }
            uint64_t id = m_nextId++;
            server.cache.Put(id, now + Ns(m_p.timeoutS), now, m_p.capacity);
            given = Held{now, id};
            return false;
        }

        uint64_t current = KeyEpoch(now);
        if (offer.created >= 0 && now - offer.created < Ns(m_p.lifetimeS) && KeyOpens(offer.handle, now))
        {
            if (offer.handle != current)
            {
                given = Held{offer.created, current};
            }
            return true;
        }
        given = Held{now, current};
        return false;
    }

    uint64_t KeyEpoch(int64_t now) const
    {
        return m_p.rotateS > 0 ? static_cast<uint64_t>(now / Ns(m_p.rotateS)) : 0;
    }

    bool KeyOpens(uint64_t epoch, int64_t now) const
    {
        return m_p.rotateS <= 0 || now < static_cast<int64_t>(epoch + 1) * Ns(m_p.rotateS) + Ns(m_p.keepS);
    }

    void Keep(uint32_t client, Held given)
    {
        m_held[client] = given;
    }

    uint32_t Allocate(const Connection& c)
    {
        if (m_free.empty())
        {
            m_connectionsInFlight.push_back(c);
            return static_cast<uint32_t>(m_connectionsInFlight.size() - 1);
        }
        uint32_t slot = m_free.back();
        m_free.pop_back();
        m_connectionsInFlight[slot] = c;
        return slot;
    }

    void Release(uint32_t connection)
    {
        m_free.push_back(connection);
    }

    static int64_t Ns(double seconds)
    {
        return static_cast<int64_t>(seconds * 1e9);
    }

    Parameters m_p;
    int64_t m_rtt, m_base, m_full, m_resumed, m_end;
    std::vector<Server> m_servers;
    std::vector<uint32_t> m_serverOf;
    std::vector<Held> m_held;
    std::vector<Connection> m_connectionsInFlight;
    std::vector<uint32_t> m_free;
    Ptr<ExponentialRandomVariable> m_gap;
    Ptr<UniformRandomVariable> m_hash;
    uint64_t m_nextId = 1;
    uint64_t m_connections = 0;
    uint64_t m_resumedCount = 0;
    int64_t m_cpuNs = 0;
};

} // namespace

int
main(int argc, char* argv[])
{
    Parameters p;
    CommandLine cmd(__FILE__);
    cmd.AddValue("strategy", "ids or tickets", p.strategy);
    cmd.AddValue("clients", "clients", p.clients);
    cmd.AddValue("servers", "servers", p.servers);
    cmd.AddValue("cores", "cores per server", p.cores);
    cmd.AddValue("visits-per-hour", "Poisson visit rate per client", p.visitsPerHour);
    cmd.AddValue("duration-s", "visits start before this time", p.durationS);
    cmd.AddValue("rtt-ms", "round-trip time", p.rttMs);
    cmd.AddValue("base-us", "CPU per connection after the handshake", p.baseUs);
    cmd.AddValue("full-us", "CPU of a full handshake", p.fullUs);
    cmd.AddValue("resumed-us", "CPU of a resumed handshake", p.resumedUs);
    cmd.AddValue("client-lifetime-s", "the client offers a session younger than this", p.clientLifetimeS);
    cmd.AddValue("capacity", "ids: sessions per server", p.capacity);
    cmd.AddValue("timeout-s", "ids: session timeout", p.timeoutS);
    cmd.AddValue("lifetime-s", "tickets: session lifetime", p.lifetimeS);
    cmd.AddValue("rotate-s", "tickets: a key seals for this long", p.rotateS);
    cmd.AddValue("keep-s", "tickets: a key opens for this long after it stopped sealing", p.keepS);
    cmd.AddValue("seed", "random seed", p.seed);
    cmd.Parse(argc, argv);
    if ((p.strategy != "ids" && p.strategy != "tickets") || p.clients == 0 || p.servers == 0 || p.cores == 0
        || p.visitsPerHour <= 0 || (p.strategy == "ids" && p.capacity == 0))
    {
        std::fprintf(stderr, "resumption-farm: --strategy=ids|tickets, --clients, --servers, --cores, --visits-per-hour (and --capacity for ids) are required\n");
        return 2;
    }

    RngSeedManager::SetSeed(p.seed);
    Farm farm(p);
    farm.Start();
    Simulator::Run();
    farm.Report();
    Simulator::Destroy();
    return 0;
}
