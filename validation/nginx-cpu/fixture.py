#!/usr/bin/python3
"""Cuts the CI fixture of NginxCpuFixtureTests out of a check.sh run: the first N connections of
each listener's access log, and what the worker's CPU was for exactly those connections.

  fixture.py CHECK_WORK_DIR OUT_DIR N

Writes OUT_DIR/access-{ids,tickets,tls13}.log, OUT_DIR/measured.csv (per listener: connections,
full, resumed, worker CPU in us over those connections, mean us per full and per resumed one) and
copies the run's calibrated.yaml. Connections run one at a time, so a listener's log lines and its
rows of connections.csv are in the same order.
"""
import csv
import re
import shutil
import sys


def main(work, out, n):
    ports = []
    for line in open(work + "/nginx.conf"):
        if m := re.search(r"listen 127.0.0.1:(\d+)", line):
            ports.append(m.group(1))
    groups = dict(zip(ports, ["ids", "tickets", "tls13"]))
    rows = {g: [] for g in groups.values()}
    for r in csv.DictReader(open(work + "/connections.csv")):
        rows[groups[r["port"]]].append(r)
    with open(out + "/measured.csv", "w") as f:
        f.write("listener,connections,full,resumed,worker_cpu_us,full_mean_us,resumed_mean_us\n")
        for g, conns in rows.items():
            lines = open(f"{work}/access-{g}.log").read().splitlines()[:n]
            open(f"{out}/access-{g}.log", "w").write("\n".join(lines) + "\n")
            first = conns[:n]
            for line, r in zip(lines, first):
                if (line.split(" ")[3] == "r") != (r["resumed"] == "1"):
                    sys.exit(f"fixture.py: {g}: the log and connections.csv disagree at {r['time_s']}")
            full = [int(r["cpu_ns"]) / 1000 for r in first if r["resumed"] == "0"]
            res = [int(r["cpu_ns"]) / 1000 for r in first if r["resumed"] == "1"]
            f.write(f"{g},{len(first)},{len(full)},{len(res)},{sum(full) + sum(res):.1f},{sum(full) / len(full):.1f},{sum(res) / len(res):.1f}\n")
    shutil.copy(work + "/calibrated.yaml", out + "/calibrated.yaml")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
