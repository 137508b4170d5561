#!/usr/bin/python3
"""The client side of validation/nginx-cpu: plays TLS (or plain TCP) clients against a server on
loopback, one connection at a time, each sending one HTTP/1.1 request with Connection: close and
reading the response to the end.

  tlsload.py batch MODE PORT [--tls 1.2|1.3] [--seconds S] [--pid PID] [--core C]
      MODE plain: TCP only; full: a new TLS session per connection; resume: every connection
      offers the session (TLS 1.2) or the newest ticket (TLS 1.3) from the one before (the full
      handshake that issues the first session runs before the measured batch).
      Prints one line: connections resumed failed seconds, then, with --pid, process PID's CPU
      over the batch (schedstat ns, utime and stime ticks) and with --core, core C's busy and
      steal ticks over the batch (/proc/stat).
  tlsload.py trace FILE [--pid PID --out CSV]
      FILE rows: time_s,client,port,version (sorted by time). Each client keeps its own session per
      port, offers it on the next visit and keeps whatever the server gives, as openssl s_client
      -sess_in/-sess_out does. Connections run at their planned times (late ones at once).
      Prints: connections resumed failed late_s, then with --pid process PID's CPU over the whole
      trace (schedstat ns, utime and stime ticks). With --out, one CSV row per connection with
      PID's CPU from the start of this connection to the start of the next (the worker does
      nothing else, so that is this connection's CPU, its close and logging included).

Debian's python3 ssl module is OpenSSL 3.0 (the same library nginx uses). Certificates are not
verified (self-signed, loopback). The client's own CPU is not what is measured: run it pinned to
the other core (taskset).
"""
import socket
import ssl
import sys
import time

HOST = "127.0.0.1"


def context(version):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    v = ssl.TLSVersion.TLSv1_3 if version == "1.3" else ssl.TLSVersion.TLSv1_2
    ctx.minimum_version = v
    ctx.maximum_version = v
    return ctx


def request(client):
    return ("GET / HTTP/1.1\r\nHost: localhost\r\nX-Client-Id: %s\r\nConnection: close\r\n\r\n" % client).encode()


def connect(port, ctx, session, client="load"):
    """One connection; returns (resumed, session to offer next time)."""
    raw = socket.create_connection((HOST, port))
    raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if ctx is None:
        raw.sendall(request(client))
        while raw.recv(4096):
            pass
        raw.close()
        return False, None
    sock = ctx.wrap_socket(raw, server_hostname="localhost", session=session)
    sock.sendall(request(client))
    while sock.recv(4096):
        pass
    # TLS 1.3 tickets arrive after the handshake: read to the end first, then take the session.
    resumed, newest = sock.session_reused, sock.session
    sock.close()
    return resumed, newest


def process_cpu(pid):
    """schedstat's sum_exec_runtime (ns), then stat's utime and stime (clock ticks)."""
    with open("/proc/%d/schedstat" % pid) as f:
        run = int(f.read().split()[0])
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return [run, int(fields[11]), int(fields[12])]


def core_ticks(core):
    """Busy (user + nice + system + irq + softirq) and steal ticks of one CPU."""
    with open("/proc/stat") as f:
        for line in f:
            parts = line.split()
            if parts[0] == "cpu%d" % core:
                v = [int(x) for x in parts[1:]]
                return [v[0] + v[1] + v[2] + v[5] + v[6], v[7]]
    raise SystemExit("tlsload.py: no cpu%d in /proc/stat" % core)


def batch(mode, port, version, seconds, pid, core):
    ctx = None if mode == "plain" else context(version)
    session = None
    if mode == "resume":
        _, session = connect(port, ctx, None)  # the full handshake that issues the first session
    n = resumed = failed = 0
    cpu0 = process_cpu(pid) if pid else []
    core0 = core_ticks(core) if core is not None else []
    start = time.monotonic()
    end = start + seconds
    while time.monotonic() < end:
        try:
            r, s = connect(port, ctx, session if mode == "resume" else None)
        except (OSError, ssl.SSLError):
            failed += 1
            continue
        n += 1
        resumed += r
        if mode == "resume" and s is not None:
            session = s
    wall = time.monotonic() - start
    cpu = [b - a for a, b in zip(cpu0, process_cpu(pid))] if pid else []
    busy = [b - a for a, b in zip(core0, core_ticks(core))] if core is not None else []
    print(n, resumed, failed, "%.3f" % wall, *cpu, *busy)


def trace(path, pid, out):
    rows = []
    with open(path) as f:
        for line in f:
            t, client, port, version = line.strip().split(",")
            rows.append((float(t), client, int(port), version))
    contexts = {"1.2": context("1.2"), "1.3": context("1.3")}
    sessions = {}
    n = resumed = failed = 0
    log = open(out, "w") if out else None
    if log:
        log.write("time_s,client,port,version,resumed,cpu_ns,utime_ticks,stime_ticks\n")
    pending = None  # the previous connection, whose CPU runs until this one starts
    first = process_cpu(pid) if pid else []
    start = time.monotonic()
    for t, client, port, version in rows:
        wait = start + t - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        cpu = process_cpu(pid) if pid else []
        if pending and log:
            log.write("%s,%s\n" % (pending[0], ",".join(str(b - a) for a, b in zip(pending[1], cpu))))
        pending = None
        key = (client, port)
        begun = time.monotonic() - start
        try:
            r, s = connect(port, contexts[version], sessions.get(key), client)
        except (OSError, ssl.SSLError):
            failed += 1
            continue
        n += 1
        resumed += r
        if s is not None:
            sessions[key] = s
        pending = ("%.3f,%s,%d,%s,%d" % (begun, client, port, version, r), cpu)
    time.sleep(0.2)  # let the worker finish the last connection
    last = process_cpu(pid) if pid else []
    if pending and log:
        log.write("%s,%s\n" % (pending[0], ",".join(str(b - a) for a, b in zip(pending[1], last))))
    if log:
        log.close()
    late = time.monotonic() - start - 0.2 - (rows[-1][0] if rows else 0)
    print(n, resumed, failed, "%.1f" % late, *[b - a for a, b in zip(first, last)])


def main(argv):
    if len(argv) >= 3 and argv[0] == "batch":
        mode, port = argv[1], int(argv[2])
        version, seconds, pid, core = "1.2", 2.0, 0, None
        rest = argv[3:]
        while rest:
            if rest[0] == "--tls":
                version = rest[1]
            elif rest[0] == "--seconds":
                seconds = float(rest[1])
            elif rest[0] == "--pid":
                pid = int(rest[1])
            elif rest[0] == "--core":
                core = int(rest[1])
            else:
                sys.exit("tlsload.py: unknown option " + rest[0])
            rest = rest[2:]
        if mode not in ("plain", "full", "resume") or version not in ("1.2", "1.3"):
            sys.exit("tlsload.py: expected MODE plain|full|resume and --tls 1.2|1.3")
        batch(mode, port, version, seconds, pid, core)
    elif len(argv) >= 2 and argv[0] == "trace":
        pid, out, rest = 0, None, argv[2:]
        while rest:
            if rest[0] == "--pid":
                pid = int(rest[1])
            elif rest[0] == "--out":
                out = rest[1]
            else:
                sys.exit("tlsload.py: unknown option " + rest[0])
            rest = rest[2:]
        trace(argv[1], pid, out)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
