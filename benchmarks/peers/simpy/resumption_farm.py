#!/usr/bin/env python3
"""The peer scenario of benchmarks/peers/peers.yaml as a plain SimPy 3 model.

A farm of servers, each with `cores` cores taken first come first served (a simpy.Resource).
Every client revisits as a Poisson process; a visit opens one TLS 1.2 connection to the server its
address hashes to. The ClientHello reaches the server 1.5 RTT after the visit (SYN, SYN-ACK, ACK with
the hello); when a core takes it up the server decides, against its cache as it is at that moment,
whether the offered session resumes. The core is busy for the handshake's fixed cost and then the
per-connection base. A new session (or a renewed ticket) reaches the client half an RTT after the
handshake's part ends, plus one more round trip for a full TLS 1.2 handshake.

  --strategy ids      per-server session cache: FIFO by creation, no refresh on a hit, `capacity`
                      entries, a session valid for `timeout` after it was stored
  --strategy tickets  one key ring for the whole farm: a key seals for `rotate`, opens for `keep` after
                      it stopped sealing; a ticket opens while its key does and its session is younger
                      than `lifetime`; a ticket under an older key is renewed under the newest, keeping
                      its session's creation time

The client (Chrome) keeps its newest session and offers it while it is younger than `client-lifetime`.
Connections of visits that start before `duration` are counted and run to completion; server CPU is
counted up to `duration`. Prints one line: `peer-result/1 simulator=simpy ...`.
"""

import argparse
import collections
import random
import sys

import simpy


def parse_arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--strategy", choices=["ids", "tickets"], required=True)
    p.add_argument("--clients", type=int, required=True)
    p.add_argument("--servers", type=int, required=True)
    p.add_argument("--cores", type=int, required=True)
    p.add_argument("--visits-per-hour", type=float, required=True)
    p.add_argument("--duration-s", type=float, required=True)
    p.add_argument("--rtt-ms", type=float, required=True)
    p.add_argument("--base-us", type=float, required=True)
    p.add_argument("--full-us", type=float, required=True)
    p.add_argument("--resumed-us", type=float, required=True)
    p.add_argument("--client-lifetime-s", type=float, required=True)
    p.add_argument("--capacity", type=int, default=0)
    p.add_argument("--timeout-s", type=float, default=0.0)
    p.add_argument("--lifetime-s", type=float, default=0.0)
    p.add_argument("--rotate-s", type=float, default=0.0)
    p.add_argument("--keep-s", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    return p.parse_args(argv)


class Farm:
    """The servers' cores and caches, the clients' held sessions, and the counts."""

    def __init__(self, env, a, rng):
        self.env = env
        self.a = a
        self.rtt = a.rtt_ms / 1e3
        self.base = a.base_us / 1e6
        self.full = a.full_us / 1e6
        self.resumed = a.resumed_us / 1e6
        self.cores = [simpy.Resource(env, capacity=a.cores) for _ in range(a.servers)]
        # Per server: session id -> expiry, in insertion (= creation) order.
        self.stores = [collections.OrderedDict() for _ in range(a.servers)]
        self.next_id = 1
        # Per client: where its address hashes to, and its newest session (created, id or ticket key).
        self.server_of = [rng.randrange(a.servers) for _ in range(a.clients)]
        self.held_created = [None] * a.clients
        self.held_handle = [0] * a.clients
        self.connections = 0
        self.resumed_count = 0
        self.cpu = 0.0

    def key_epoch(self, now):
        # The key that seals at `now`: a new one every `rotate` seconds.
        return int(now // self.a.rotate_s) if self.a.rotate_s > 0 else 0

    def key_opens(self, epoch, now):
        if self.a.rotate_s <= 0:
            return True
        return now < (epoch + 1) * self.a.rotate_s + self.a.keep_s

    def decide(self, server, created, handle, now):
        """Resumes or not; returns (resumed, what the client is given: (created, handle) or None)."""
        a = self.a
        if a.strategy == "ids":
            store = self.stores[server]
            if created is not None:
                expires = store.get(handle)
                if expires is not None and now < expires:
                    return True, None
            # Full handshake: store a new session. Expired sessions sit at the old end (one timeout
            # for all, FIFO by creation), so dropping them there and then the oldest makes room.
            while store:
                oldest, expires = next(iter(store.items()))
                if expires > now and len(store) < a.capacity:
                    break
                store.popitem(last=False)
            session = self.next_id
            self.next_id += 1
            store[session] = now + a.timeout_s
            return False, (now, session)
        current = self.key_epoch(now)
        if created is not None and now - created < a.lifetime_s and self.key_opens(handle, now):
            return True, None if handle == current else (created, current)
        return False, (now, current)

    def keep(self, client, given):
        self.held_created[client], self.held_handle[client] = given

    def connection(self, client, created, handle):
        env = self.env
        yield env.timeout(1.5 * self.rtt)
        server = self.server_of[client]
        with self.cores[server].request() as core:
            yield core
            now = env.now
            resumed, given = self.decide(server, created, handle, now)
            handshake = self.resumed if resumed else self.full
            self.resumed_count += resumed
            self.cpu += max(0.0, min(now + handshake + self.base, self.a.duration_s) - now)
            yield env.timeout(handshake)
            if given is not None:
                delay = 0.5 * self.rtt + (0.0 if resumed else self.rtt)
                env.timeout(delay).callbacks.append(lambda _, c=client, g=given: self.keep(c, g))
            yield env.timeout(self.base)

    def visits(self, client, rng):
        env = self.env
        rate = self.a.visits_per_hour / 3600.0
        while True:
            yield env.timeout(rng.expovariate(rate))
            if env.now >= self.a.duration_s:
                return
            self.connections += 1
            created = self.held_created[client]
            if created is not None and env.now - created >= self.a.client_lifetime_s:
                created = None
            env.process(self.connection(client, created, self.held_handle[client]))


def main(argv):
    a = parse_arguments(argv)
    rng = random.Random(a.seed)
    env = simpy.Environment()
    farm = Farm(env, a, rng)
    for client in range(a.clients):
        env.process(farm.visits(client, rng))
    env.run()
    print(
        f"peer-result/1 simulator=simpy strategy={a.strategy} connections={farm.connections} "
        f"resumed={farm.resumed_count} cpu_core_s={farm.cpu!r}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
