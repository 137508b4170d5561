#!/usr/bin/python3
"""check.sh's comparison: real nginx's worker CPU against ResumeSim's replays of the same
connections with two cost profiles.

  compare.py CHECK_WORK_DIR DEFAULT_PROFILE CALIBRATED_PROFILE TOLERANCE

1. Outcomes: nginx's resumed connections per listener against each replay's (the cost model can
   only be as right as the resumption model under it).
2. Total CPU: the worker's CPU over the whole trace (schedstat) against the sum of the three
   replays' cpu_core_seconds.
3. Full/resumed ratio: per listener, the worker's mean CPU per full connection over its mean per
   resumed connection (per-connection CPU read between connections), against the ratio each
   profile implies for those connections (base + handshake + the ticket and store operations).
Exit 1 when a total or a ratio is off by more than TOLERANCE (a fraction).
"""
import csv
import re
import statistics
import sys

UNITS = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}


def micros(text):
    m = re.fullmatch(r"\s*([0-9.]+)\s*(ns|us|ms|s)?\s*", text)
    return float(m.group(1)) * UNITS[m.group(2) or "us"]


def read_profile(path):
    """The ECDSA P-256 figures of a profile file as ResumeSim writes it (flow mappings per line)."""
    profile, version = {"connection": 0.0, "ticket_seal": 0.0, "ticket_open": 0.0, "store_op": 0.0}, None
    for line in open(path):
        line = line.split("#", 1)[0].rstrip()
        if m := re.match(r"connection:\s*(\S+)", line):
            profile["connection"] = micros(m.group(1))
        elif m := re.match(r"\s+(tls12|tls13):\s*$", line):
            version = m.group(1)
        elif (m := re.match(r"\s+ecdsa-p256:\s*\{(.*)\}", line)) and version:
            for k, v in re.findall(r"(\w+):\s*([^,}]+)", m.group(1)):
                profile[version + "." + k] = micros(v)
        elif m := re.match(r"operations:\s*\{(.*)\}", line):
            for k, v in re.findall(r"(\w+):\s*([^,}]+)", m.group(1)):
                profile[k] = micros(v)
    return profile


def implied(profile, group):
    """(full, resumed) CPU per connection the profile charges on this listener."""
    p, base = profile, profile["connection"]
    if group == "ids":  # full: one insert; resumed: one lookup
        return base + p["tls12.full"] + p["store_op"], base + p["tls12.resumed"] + p["store_op"]
    if group == "tickets":  # full: one ticket sealed; resumed: one opened, none re-issued
        return base + p["tls12.full"] + p["ticket_seal"], base + p["tls12.resumed"] + p["ticket_open"]
    # TLS 1.3, OpenSSL's counts: 2 tickets after a full handshake; psk_dhe opens one, seals one
    return (base + p["tls13.full"] + 2 * p["ticket_seal"],
            base + p["tls13.psk_dhe"] + p["ticket_open"] + p["ticket_seal"])


def summary(folder):
    with open(folder + "/summary.csv") as f:
        row = next(csv.DictReader(f))
    return row


def main(work, default_path, calibrated_path, tolerance):
    run = {}
    for line in open(work + "/run.txt"):
        for k, v in re.findall(r"(\w+)=(\S+)", line):
            run[k] = v
    ports = {}
    for line in open(work + "/nginx.conf"):
        if m := re.search(r"listen 127.0.0.1:(\d+)", line):
            ports.setdefault("order", []).append(m.group(1))
    port_group = dict(zip(ports["order"], ["ids", "tickets", "tls13"]))

    per = {g: {"full": [], "resumed": []} for g in ("ids", "tickets", "tls13")}
    for r in csv.DictReader(open(work + "/connections.csv")):
        per[port_group[r["port"]]]["resumed" if r["resumed"] == "1" else "full"].append(int(r["cpu_ns"]) / 1000)

    replays = {}
    for line in open(work + "/replays.csv"):
        group, profile, folder = line.strip().split(",", 2)
        replays[(group, profile)] = summary(folder)
    profiles = {"default": read_profile(default_path), "calibrated": read_profile(calibrated_path)}
    failed = []

    print(f"# {run.get('nginx', '').rstrip(';')}, OpenSSL {run.get('openssl')}, {run.get('date', '').rstrip(';')}, load average {run.get('load_before')} before, {run.get('load_after')} after")
    print("## 1. outcomes (resumed / connections)")
    print("listener,nginx_connections,nginx_resumed,replay_connections,replay_resumed")
    for g in per:
        s = replays[(g, "default")]
        resumed = int(s["resumed_id"]) + int(s["resumed_ticket"]) + int(s["resumed_psk"])
        print(f"{g},{len(per[g]['full']) + len(per[g]['resumed'])},{len(per[g]['resumed'])},{s['connections']},{resumed}")

    worker = int(run["worker_cpu_ns"]) / 1e9
    print()
    print("## 2. total CPU over the trace, core-seconds")
    print(f"nginx worker (schedstat): {worker:.4f} s for {run['connections']} connections ({worker / int(run['connections']) * 1e6:.0f} us each)")
    for name in profiles:
        sim = sum(float(replays[(g, name)]["cpu_core_seconds"]) for g in per)
        diff = sim / worker - 1
        print(f"ResumeSim, {name} profile: {sim:.4f} s ({diff:+.1%})")
        if abs(diff) > tolerance:
            failed.append(f"total CPU with the {name} profile off by {diff:+.1%}")

    print()
    print("## 3. full / resumed CPU per connection, us (nginx: mean and median per connection)")
    print("listener,nginx_full_mean,nginx_resumed_mean,nginx_ratio,nginx_full_median,nginx_resumed_median,profile,profile_full,profile_resumed,profile_ratio,difference")
    for g, kinds in per.items():
        full, res = statistics.mean(kinds["full"]), statistics.mean(kinds["resumed"])
        ratio = full / res
        for name, profile in profiles.items():
            pf, pr = implied(profile, g)
            diff = (pf / pr) / ratio - 1
            print(f"{g},{full:.0f},{res:.0f},{ratio:.2f},{statistics.median(kinds['full']):.0f},{statistics.median(kinds['resumed']):.0f},"
                  f"{name},{pf:.0f},{pr:.0f},{pf / pr:.2f},{diff:+.1%}")
            if abs(diff) > tolerance:
                failed.append(f"{g}: full/resumed ratio of the {name} profile off by {diff:+.1%}")

    print()
    if failed:
        print("FAILED (tolerance {:.0%}): {}".format(tolerance, "; ".join(failed)))
        sys.exit(1)
    print(f"agree within {tolerance:.0%}")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]))
