#!/usr/bin/python3
"""Summarizes measure.sh's batches: per kind of connection the worker's CPU per connection (median,
min, max over rounds, from schedstat; user/system split from stat), and the cost profile they imply
(docs/costs.md, "How the default profile was measured").

  summarize.py BATCHES_CSV OPS_TXT [GAPS_CSV]

BATCHES_CSV may be several runs' batches.csv joined with commas (a.csv,b.csv): their rounds are
pooled, so runs before and after a check bracket it.
"""
import csv
import statistics
import sys

TICK_US = 1e6 / 100  # USER_HZ is 100 on Linux x86-64


def read_ops(path):
    ops = {}
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        name, median, low, high = line.split()
        ops[name] = (float(median) / 1000, float(low) / 1000, float(high) / 1000)
    return ops


def main(batches_path, ops_path, gaps_path=None):
    rows = []
    for path in batches_path.split(","):
        rows += [r for r in csv.DictReader(line for line in open(path) if not line.startswith("#"))]
    kinds = {}
    for r in rows:
        key = (r["kind"], r["certificate"])
        kinds.setdefault(key, []).append(r)

    print("# worker CPU per connection, us (schedstat): median [min - max] over rounds")
    print("kind,certificate,rounds,connections_per_batch,median_us,min_us,max_us,user_share,resumed_share,failed,core_other_busy_share,load1_median")
    medians = {}
    problems = []
    for (kind, cert), group in kinds.items():
        per = [int(r["cpu_ns"]) / int(r["connections"]) / 1000 for r in group if int(r["connections"]) > 0]
        ticks_user = sum(int(r["utime_ticks"]) for r in group)
        ticks_all = ticks_user + sum(int(r["stime_ticks"]) for r in group)
        conns = sum(int(r["connections"]) for r in group)
        resumed = sum(int(r["resumed"]) for r in group)
        failed = sum(int(r["failed"]) for r in group)
        # how much of the worker core's busy time in the round was not the worker
        rounds = {r["round"]: r for r in rows}
        busy_us = sum(int(r["core_busy_ticks"]) for r in rounds.values()) * TICK_US
        worker_us = sum(int(r["cpu_ns"]) for r in rows if r["round"] in rounds) / 1000
        wall_us = sum(float(r["round_s"]) for r in rounds.values()) * 1e6
        other = max(0.0, busy_us - worker_us) / wall_us if wall_us else 0
        median = statistics.median(per)
        medians[(kind, cert)] = median
        should_resume = "resumed" in kind or "psk" in kind
        share = resumed / conns if conns else 0
        if (should_resume and share < 0.999) or (not should_resume and share > 0.001) or failed:
            problems.append(f"{kind} {cert}: resumed share {share:.4f}, failed {failed}")
        print(f"{kind},{cert},{len(per)},{conns // len(group)},{median:.1f},{min(per):.1f},{max(per):.1f},"
              f"{ticks_user / ticks_all if ticks_all else 0:.2f},{share:.4f},{failed},{other:.3f},"
              f"{statistics.median(float(r['load1']) for r in group):.2f}")

    ops = read_ops(ops_path)
    print()
    print("# per-operation costs, us (ops.c): median [min - max]")
    for name, (m, lo, hi) in ops.items():
        print(f"{name},{m:.2f},{lo:.2f},{hi:.2f}")

    base = medians[("base", "-")]
    seal, open_, insert, lookup = ops["ticket_seal"][0], ops["ticket_open"][0], ops["store_insert"][0], ops["store_lookup"][0]
    store_op = (insert + lookup) / 2
    print()
    print("# the profile these imply (handshake = connection - base - the ticket and store operations it did)")
    print(f"connection: {base:.0f}us")
    print(f"operations: {{ticket_seal: {seal:.1f}us, ticket_open: {open_:.1f}us, store_op: {store_op:.1f}us}}")
    for cert in ("ecdsa-p256", "rsa-2048", "rsa-4096"):
        m = lambda k: medians[(k, cert)]
        full12 = [m("tls12-full-id") - base - insert, m("tls12-full-ticket") - base - seal]
        res12 = [m("tls12-resumed-id") - base - lookup, m("tls12-resumed-ticket") - base - open_]
        full13 = m("tls13-full") - base - 2 * seal
        dhe13 = m("tls13-psk-dhe") - base - open_ - seal
        print(f"tls12 {cert}: full {statistics.mean(full12):.0f}us (by id {full12[0]:.0f}, by ticket {full12[1]:.0f}), "
              f"resumed {statistics.mean(res12):.0f}us (by id {res12[0]:.0f}, by ticket {res12[1]:.0f})")
        print(f"tls13 {cert}: full {full13:.0f}us, psk_dhe {dhe13:.0f}us, psk {dhe13 - ops['x25519'][0]:.0f}us (derived: psk_dhe - x25519)")
        whole = (m("tls12-full-id") + m("tls12-full-ticket")) / (m("tls12-resumed-id") + m("tls12-resumed-ticket"))
        print(f"  whole-connection ratios: tls12 full/resumed {whole:.2f}, tls13 full/psk_dhe {m('tls13-full') / m('tls13-psk-dhe'):.2f}")
    ec = lambda k: medians[(k, "ecdsa-p256")]
    p256 = [ec("tls12-full-id-p256") - ec("tls12-full-id"), ec("tls13-full-p256") - ec("tls13-full"), ec("tls13-psk-dhe-p256") - ec("tls13-psk-dhe")]
    print(f"key_exchange p256 over x25519: {statistics.mean(p256):.0f}us (tls12 full {p256[0]:.0f}, tls13 full {p256[1]:.0f}, psk_dhe {p256[2]:.0f}); "
          f"ops.c: {ops['p256'][0] - ops['x25519'][0]:.0f}us")
    if gaps_path:
        by_gap = {}
        for r in csv.DictReader(open(gaps_path)):
            by_gap.setdefault(float(r["gap_ms"]), []).append(int(r["cpu_ns"]) / int(r["connections"]) / 1000)
        print()
        print("# TLS 1.2 ECDSA full connections with the worker idle between them: median [min - max] us over 3 rounds")
        for gap, values in sorted(by_gap.items()):
            print(f"gap {gap:g} ms: {statistics.median(values):.0f} [{min(values):.0f} - {max(values):.0f}]")
    if problems:
        print()
        print("# PROBLEMS (a kind did not do what it should):")
        for p in problems:
            print(p)
        sys.exit(1)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
