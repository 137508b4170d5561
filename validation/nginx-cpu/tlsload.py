#!/usr/bin/python3
"""The client side of validation/nginx-cpu: plays TLS (or plain TCP) clients against a server on
loopback, one connection at a time, each sending one HTTP/1.1 request with Connection: close and
reading the response to the end.

  tlsload.py batch MODE PORT [--tls 1.2|1.3] [--seconds S] [--pid PID] [--core C] [--gap S]
      MODE plain: TCP only; full: a new TLS session per connection; resume: every connection
      offers the session (TLS 1.2) or the newest ticket (TLS 1.3) from the one before (the full
      handshake that issues the first session runs before the measured batch).
      Prints one line: connections resumed failed seconds, then, with --pid, process PID's CPU
      over the batch (schedstat ns, utime and stime ticks) and with --core, core C's busy and
      steal ticks over the batch (/proc/stat). With --gap, the client waits S seconds after each
      connection, so the server idles between connections as it does under a sparse load.
  tlsload.py mix SECONDS PID KIND... 
      KIND is NAME:PORT:MODE:TLS (MODE plain, full or resume). One connection of each kind in
      turn, round after round, for SECONDS, as a server with mixed traffic sees them; process
      PID's CPU is read after every connection once PID sleeps again (its close and log line
      done), and the difference is the connection's. A resume kind keeps its own session (its
      first, full handshake is not counted). Prints one line per kind: NAME connections resumed
      failed cpu_ns utime stime.
  tlsload.py trace FILE [--pid PID --out CSV] [--segments K --control DIR]
      FILE rows: time_s,client,port,version (sorted by time). Each client keeps its own session per
      port, offers it on the next visit and keeps whatever the server gives, as openssl s_client
      -sess_in/-sess_out does. Connections run at their planned times (late ones at once).
      Prints: connections resumed failed late_s, then with --pid process PID's CPU over the whole
      trace (schedstat ns, utime and stime ticks). With --out, one CSV row per connection with
      PID's CPU from the start of the connection until the worker sleeps again after it (the
      worker does nothing else, so that is this connection's CPU, its close and logging). With
      --segments, the trace's planned time is cut into K equal segments; before segment i the
      client waits for DIR/go-i to exist, after it writes DIR/done-i, and the worker's CPU is
      counted inside segments only, so another measurement can run on the machine between them
      (check.sh interleaves measure.sh's rounds); a segment starts on time, the pause shifts the
      rest of the trace.

Debian's python3 ssl module is OpenSSL 3.0 (the same library nginx uses). Certificates are not
verified (self-signed, loopback). The client's own CPU is not what is measured: run it pinned to
the other core (taskset).
"""
import os
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


def settle(pid):
    """Waits (briefly) until process PID sleeps again, i.e. has finished what it was doing: nginx's
    worker back in epoll_wait after closing a connection and writing its log line."""
    for _ in range(2000):
        with open("/proc/%d/stat" % pid) as f:
            if f.read().rsplit(")", 1)[1].split()[0] in ("S", "I"):
                return
    # still running after ~2000 reads: take the reading as it is


def core_ticks(core):
    """Busy (user + nice + system + irq + softirq) and steal ticks of one CPU."""
    with open("/proc/stat") as f:
        for line in f:
            parts = line.split()
            if parts[0] == "cpu%d" % core:
                v = [int(x) for x in parts[1:]]
                return [v[0] + v[1] + v[2] + v[5] + v[6], v[7]]
    raise SystemExit("tlsload.py: no cpu%d in /proc/stat" % core)


def batch(mode, port, version, seconds, pid, core, gap=0.0):
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
        if gap:
            time.sleep(gap)
    wall = time.monotonic() - start
    cpu = [b - a for a, b in zip(cpu0, process_cpu(pid))] if pid else []
    busy = [b - a for a, b in zip(core0, core_ticks(core))] if core is not None else []
    print(n, resumed, failed, "%.3f" % wall, *cpu, *busy)


def mix(seconds, pid, kinds):
    parsed = []
    for kind in kinds:
        name, port, mode, version = kind.split(":")
        ctx = None if mode == "plain" else context(version)
        session = connect(int(port), ctx, None)[1] if mode == "resume" else None
        parsed.append({"name": name, "port": int(port), "mode": mode, "ctx": ctx, "session": session,
                       "n": 0, "resumed": 0, "failed": 0, "cpu": [0, 0, 0]})
    settle(pid)
    mark = process_cpu(pid)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for k in parsed:
            try:
                r, s = connect(k["port"], k["ctx"], k["session"] if k["mode"] == "resume" else None)
            except (OSError, ssl.SSLError):
                k["failed"] += 1
                r, s = None, None
            settle(pid)
            cpu = process_cpu(pid)
            if r is not None:
                k["n"] += 1
                k["resumed"] += r
                k["cpu"] = [t + b - a for t, a, b in zip(k["cpu"], mark, cpu)]
                if k["mode"] == "resume" and s is not None:
                    k["session"] = s
            mark = cpu
    for k in parsed:
        print(k["name"], k["n"], k["resumed"], k["failed"], *k["cpu"])


def wait_for(path):
    while not os.path.exists(path):
        time.sleep(0.05)


def trace(path, pid, out, segments=1, control=None):
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
    span = (rows[-1][0] if rows else 0) / segments
    segment, total = 0, [0, 0, 0]
    if control:
        wait_for("%s/go-%d" % (control, segment))
    first = process_cpu(pid) if pid else []
    start = time.monotonic()
    for t, client, port, version in rows:
        if control and t >= span * (segment + 1) and segment + 1 < segments:
            cpu = process_cpu(pid) if pid else []
            total = [x + b - a for x, a, b in zip(total, first, cpu)]
            open("%s/done-%d" % (control, segment), "w").close()
            segment += 1
            wait_for("%s/go-%d" % (control, segment))
            first = process_cpu(pid) if pid else []
            start = time.monotonic() - t  # this row is due now
        wait = start + t - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        mark = process_cpu(pid) if pid else []
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
        if pid:
            settle(pid)  # the connection's CPU: until the worker sleeps again, close and log line done
            if log:
                log.write("%.3f,%s,%d,%s,%d,%s\n" % (begun, client, port, version, r,
                                                     ",".join(str(b - a) for a, b in zip(mark, process_cpu(pid)))))
    time.sleep(0.2)  # let the worker finish the last connection
    last = process_cpu(pid) if pid else []
    if log:
        log.close()
    if control:
        open("%s/done-%d" % (control, segment), "w").close()
    total = [x + b - a for x, a, b in zip(total, first, last)]
    late = time.monotonic() - start - 0.2 - (rows[-1][0] if rows else 0)
    print(n, resumed, failed, "%.1f" % late, *(total if pid else []))


def main(argv):
    if len(argv) >= 3 and argv[0] == "batch":
        mode, port = argv[1], int(argv[2])
        version, seconds, pid, core, gap = "1.2", 2.0, 0, None, 0.0
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
            elif rest[0] == "--gap":
                gap = float(rest[1])
            else:
                sys.exit("tlsload.py: unknown option " + rest[0])
            rest = rest[2:]
        if mode not in ("plain", "full", "resume") or version not in ("1.2", "1.3"):
            sys.exit("tlsload.py: expected MODE plain|full|resume and --tls 1.2|1.3")
        batch(mode, port, version, seconds, pid, core, gap)
    elif len(argv) >= 4 and argv[0] == "mix":
        mix(float(argv[1]), int(argv[2]), argv[3:])
    elif len(argv) >= 2 and argv[0] == "trace":
        pid, out, segments, control, rest = 0, None, 1, None, argv[2:]
        while rest:
            if rest[0] == "--pid":
                pid = int(rest[1])
            elif rest[0] == "--out":
                out = rest[1]
            elif rest[0] == "--segments":
                segments = int(rest[1])
            elif rest[0] == "--control":
                control = rest[1]
            else:
                sys.exit("tlsload.py: unknown option " + rest[0])
            rest = rest[2:]
        trace(argv[1], pid, out, segments, control)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
