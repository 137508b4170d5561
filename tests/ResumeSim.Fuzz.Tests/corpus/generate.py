#!/usr/bin/env python3
"""Writes cases.jsonl, the hostile-input corpus that FuzzCorpusTests runs against the resumesim CLI.

Run from anywhere: python3 generate.py. The output is deterministic (one seeded generator), so a
change to this script shows up as a reviewable diff of cases.jsonl.

Each line is one case:
  id        unique name
  class     what kind of hostility (the test reports failures per class)
  args      the command line; {case} is the case's own folder, {out} an output folder that does not
            exist beforehand, {run} a copy of a finished run folder, {shard1}/{shard2} copies of the
            two shard folders of a sharded sweep
  files     files to write into {case}: text, b64, or repeat (head + unit * times + tail)
  special   file-system situations to make: fifo, dir, symlink, unreadable
  mutate    changes to the copied run or shard folders before the command runs
  exit      the exit codes that are right for this case
  secret    text that must not appear on the console (key material)

Limits each case must respect (time, memory, no stack trace, no output left on failure) are the
test's, not the corpus's.
"""

import base64
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SCENARIOS = os.path.join(REPO, "scenarios")

rng = random.Random(20261203)
cases = []


seen_ids = set()


def case(cid, cls, args, files=None, special=None, mutate=None, exit=(2,), secret=None):
    # Slugs of different values can coincide (two punctuation-only values): number the later ones.
    base, n = cid, 2
    while cid in seen_ids:
        cid, n = f"{base}-{n}", n + 1
    seen_ids.add(cid)
    entry = {"id": cid, "class": cls, "args": args, "exit": sorted(set(exit))}
    if files:
        entry["files"] = files
    if special:
        entry["special"] = special
    if mutate:
        entry["mutate"] = mutate
    if secret:
        entry["secret"] = secret
    cases.append(entry)


def text(path, content):
    return {"path": path, "text": content}


def raw(path, data):
    return {"path": path, "b64": base64.b64encode(data).decode("ascii")}


def repeat(path, unit, times, head="", tail="", close=None):
    """head + unit * times (+ close * times) + tail, written by the test, not stored."""
    parts = [{"text": head}, {"repeat": unit, "times": times}]
    if close is not None:
        parts.append({"repeat": close, "times": times})
    parts.append({"text": tail})
    return {"path": path, "parts": [p for p in parts if p.get("text", "x") != ""]}


def numbered(path, line, times, head="", tail=""):
    """head + line with {n} replaced by 0, 1, ... times - 1 + tail."""
    return {"path": path, "parts": [{"text": head}, {"numbered": line, "times": times}, {"text": tail}]}


# A scenario small enough that a run that is accepted finishes in a second or two.
TINY = """name: fuzz-tiny
seed: 7
duration: 2m
warmup: 0
replications: 1
clients:
  count: 300
  visits: {rate: 30/h}
  rtt: {fixed: 40ms}
  mix:
    - {browser: chrome, share: 1}
pages: {hosts: 1, connections: 2, http: h1, connection_wait: wait-for-first}
tls: {version: "1.2", certificate: ecdsa-p256}
farm: {servers: 2, cores: 2, balancer: round-robin}
costs: default
strategies:
  - name: ids
    session_ids: {store: per-server, eviction: fifo, capacity: 1000, timeout: 5m}
  - name: tickets
    tickets: {keys: shared, rotate: 1h, keep: 2h, lifetime: 2h}
output: {bucket: 10s}
"""

VALIDATE = ["validate", "{case}/s.yaml"]
# Charts are most of a small run's CPU (docs/performance.md, "Start-up of run"); a few runs keep them.
RUN = ["run", "{case}/s.yaml", "--out", "{out}", "--quiet", "--no-charts"]
RUN_WITH_CHARTS = ["run", "{case}/s.yaml", "--out", "{out}", "--quiet"]


def with_value(base, key_line_prefix, replacement):
    """The base scenario with the first line starting with key_line_prefix replaced."""
    lines = base.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(key_line_prefix):
            lines[i] = replacement
            return "\n".join(lines)
    raise KeyError(key_line_prefix)


# ---------------------------------------------------------------------------------------------
# YAML bombs and size
for depth in (64, 1000, 5000, 50000, 200000):
    case(f"yaml-depth-flow-seq-{depth}", "yaml-bomb", VALIDATE,
         [repeat("s.yaml", "[", depth, head="name: x\nclients: ", close="]", tail="\n")])
    case(f"yaml-depth-flow-map-{depth}", "yaml-bomb", VALIDATE,
         [repeat("s.yaml", "{a: ", depth, head="name: x\nclients: ", close="}", tail="\n")])
for depth in (100, 2000, 20000):
    nested = "".join("  " * i + "a:\n" for i in range(depth)) + "  " * depth + "b: 1\n"
    if len(nested) < 2_000_000:
        case(f"yaml-depth-block-map-{depth}", "yaml-bomb", VALIDATE, [text("s.yaml", nested)])
    case(f"yaml-depth-block-seq-{depth}", "yaml-bomb", VALIDATE,
         [repeat("s.yaml", "- ", depth, head="clients:\n", tail="x\n")])
for levels in (5, 9, 12, 20):
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        bomb.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    bomb.append(f"name: *a{levels - 1}")
    case(f"yaml-alias-laughs-{levels}", "yaml-bomb", VALIDATE, [text("s.yaml", "\n".join(bomb) + "\n")])
    case(f"yaml-alias-laughs-run-{levels}", "yaml-bomb", RUN, [text("s.yaml", "\n".join(bomb) + "\n")])
for levels in (10, 30):
    chain = ["m0: &m0 {k: v, l: w}"]
    for i in range(1, levels):
        chain.append(f"m{i}: &m{i} {{p: *m{i - 1}, q: *m{i - 1}}}")
    chain.append(f"clients: *m{levels - 1}")
    case(f"yaml-alias-mapping-chain-{levels}", "yaml-bomb", VALIDATE, [text("s.yaml", "\n".join(chain) + "\n")])
case("yaml-alias-merge-keys", "yaml-bomb", VALIDATE,
     [text("s.yaml", "b: &b {x: 1}\n" + "".join(f"k{i}: {{<<: *b}}\n" for i in range(2000)))])
case("yaml-alias-undefined", "yaml-bomb", VALIDATE, [text("s.yaml", TINY + "extra: *nothing\n")])
case("yaml-anchor-self", "yaml-bomb", VALIDATE, [text("s.yaml", "a: &a [*a]\n")])
for keys in (1000, 20000, 80000, 300000):
    case(f"yaml-keys-{keys}", "yaml-bomb", VALIDATE,
         [numbered("s.yaml", "k{n}: 1\n", keys, head="name: x\n")])
    case(f"yaml-keys-nested-{keys}", "yaml-bomb", VALIDATE,
         [numbered("s.yaml", "  k{n}: 1\n", keys, head="name: x\nclients:\n")])
for keys in (5000, 80000):
    case(f"yaml-duplicate-keys-{keys}", "yaml-bomb", VALIDATE,
         [repeat("s.yaml", "name: x\n", keys)])
for items in (10000, 500000):
    case(f"yaml-sequence-items-{items}", "yaml-bomb", VALIDATE,
         [repeat("s.yaml", "1, ", items, head="name: x\nsweep: {seed: [", tail="1]}\n")])
for mib in (1, 8, 64):
    # Up to a few megabytes a scenario may be; 64 MiB is past any limit worth having.
    size_exit = (2,) if mib == 64 else (0, 2)
    case(f"yaml-long-scalar-{mib}MiB", "yaml-bomb", VALIDATE,
         [repeat("s.yaml", "x" * 1024, mib * 1024, head="name: ", tail="\n")])
    case(f"yaml-long-comment-{mib}MiB", "yaml-bomb", VALIDATE,
         [repeat("s.yaml", "#" * 1023 + "\n", mib * 1024, head=TINY)], exit=size_exit)
case("yaml-long-key", "yaml-bomb", VALIDATE, [repeat("s.yaml", "k", 5_000_000, tail=": 1\n")])
case("yaml-many-documents", "yaml-bomb", VALIDATE, [repeat("s.yaml", "---\nname: x\n", 50000)])
case("yaml-many-tags", "yaml-bomb", VALIDATE, [repeat("s.yaml", "!!str ", 100000, head="name: ", tail="x\n")])
case("yaml-many-blank-lines", "yaml-bomb", VALIDATE, [repeat("s.yaml", "\n", 3_000_000, head=TINY)], exit=(0, 2))
case("yaml-huge-indent", "yaml-bomb", VALIDATE, [repeat("s.yaml", " ", 1_000_000, head="name: x\nclients:\n", tail="count: 1\n")])

# ---------------------------------------------------------------------------------------------
# Files that are not regular files, or cannot be read
for command in (["validate"], ["run"]):
    extra = ["--out", "{out}", "--quiet"] if command == ["run"] else []
    name = command[0]
    case(f"file-dev-zero-{name}", "special-file", command + ["/dev/zero"] + extra)
    case(f"file-dev-urandom-{name}", "special-file", command + ["/dev/urandom"] + extra)
    case(f"file-dev-null-{name}", "special-file", command + ["/dev/null"] + extra)
    case(f"file-proc-self-mem-{name}", "special-file", command + ["/proc/self/mem"] + extra, exit=(1, 2))
    case(f"file-fifo-{name}", "special-file", command + ["{case}/pipe.yaml"] + extra,
         special=[{"path": "pipe.yaml", "kind": "fifo"}])
    case(f"file-directory-{name}", "special-file", command + ["{case}/dir.yaml"] + extra,
         special=[{"path": "dir.yaml", "kind": "dir"}])
    case(f"file-symlink-dev-zero-{name}", "special-file", command + ["{case}/link.yaml"] + extra,
         special=[{"path": "link.yaml", "kind": "symlink", "target": "/dev/zero"}])
    case(f"file-symlink-fifo-{name}", "special-file", command + ["{case}/link.yaml"] + extra,
         special=[{"path": "pipe", "kind": "fifo"}, {"path": "link.yaml", "kind": "symlink", "target": "pipe"}])
    case(f"file-symlink-dangling-{name}", "special-file", command + ["{case}/link.yaml"] + extra,
         special=[{"path": "link.yaml", "kind": "symlink", "target": "missing.yaml"}])
    case(f"file-symlink-loop-{name}", "special-file", command + ["{case}/a.yaml"] + extra,
         special=[{"path": "a.yaml", "kind": "symlink", "target": "b.yaml"},
                  {"path": "b.yaml", "kind": "symlink", "target": "a.yaml"}], exit=(1, 2))
    # Root reads a mode-000 file anyway, so the content is also bad: exit 2 either way.
    case(f"file-unreadable-{name}", "special-file", command + ["{case}/s.yaml"] + extra,
         [text("s.yaml", "name: [\n")], special=[{"path": "s.yaml", "kind": "unreadable"}], exit=(1, 2))
    case(f"file-missing-{name}", "special-file", command + ["{case}/nope.yaml"] + extra)
    case(f"file-under-a-file-{name}", "special-file", command + ["{case}/s.yaml/x.yaml"] + extra,
         [text("s.yaml", TINY)], exit=(1, 2))
    case(f"file-name-too-long-{name}", "special-file", command + ["{case}/" + "n" * 300 + ".yaml"] + extra, exit=(1, 2))
    case(f"file-empty-{name}", "special-file", command + ["{case}/s.yaml"] + extra, [text("s.yaml", "")])
    case(f"file-empty-path-{name}", "special-file", command + [""] + extra)
    case(f"file-trailing-slash-{name}", "special-file", command + ["{case}/s.yaml/"] + extra, [text("s.yaml", TINY)], exit=(1, 2))
    case(f"file-only-comments-{name}", "special-file", command + ["{case}/s.yaml"] + extra, [text("s.yaml", "# nothing\n")])
    case(f"file-not-a-mapping-{name}", "special-file", command + ["{case}/s.yaml"] + extra, [text("s.yaml", "- a\n- b\n")])
    case(f"file-scalar-{name}", "special-file", command + ["{case}/s.yaml"] + extra, [text("s.yaml", "hello\n")])
case("costs-profile-dev-zero", "special-file", VALIDATE, [text("s.yaml", with_value(TINY, "costs:", "costs: /dev/zero"))])
case("costs-profile-fifo", "special-file", VALIDATE, [text("s.yaml", with_value(TINY, "costs:", "costs: pipe.yaml"))],
     special=[{"path": "pipe.yaml", "kind": "fifo"}])
case("costs-profile-directory", "special-file", VALIDATE, [text("s.yaml", with_value(TINY, "costs:", "costs: ."))])
case("costs-profile-bomb", "special-file", VALIDATE,
     [text("s.yaml", with_value(TINY, "costs:", "costs: c.yaml")),
      repeat("c.yaml", "[", 100000, close="]", tail="\n")])
case("trace-dev-zero", "special-file", VALIDATE,
     [text("s.yaml", with_value(with_value(TINY, "  count:", "  trace: /dev/zero"), "  visits:", ""))])
case("trace-fifo", "special-file", VALIDATE,
     [text("s.yaml", with_value(with_value(TINY, "  count:", "  trace: t.csv"), "  visits:", ""))],
     special=[{"path": "t.csv", "kind": "fifo"}])

# ---------------------------------------------------------------------------------------------
# Encodings, binary and key files
PEM_BODY = base64.b64encode(bytes(rng.randrange(256) for _ in range(600))).decode("ascii")
PEM = "-----BEGIN PRIVATE KEY-----\n" + "\n".join(PEM_BODY[i:i + 64] for i in range(0, len(PEM_BODY), 64)) + "\n-----END PRIVATE KEY-----\n"
case("key-pem-as-scenario-validate", "secrets", VALIDATE, [text("s.yaml", PEM)], secret=PEM_BODY[64:128])
case("key-pem-as-scenario-run", "secrets", RUN, [text("s.yaml", PEM)], secret=PEM_BODY[64:128])
TICKET_KEY = bytes(rng.randrange(256) for _ in range(80))
case("key-binary-as-scenario", "secrets", VALIDATE, [raw("s.yaml", TICKET_KEY)])
HEXKEY = TICKET_KEY.hex()
case("key-hex-as-scenario", "secrets", VALIDATE, [text("s.yaml", HEXKEY + "\n")], secret=HEXKEY[20:100])
case("key-hex-as-value", "secrets", VALIDATE, [text("s.yaml", with_value(TINY, "name:", "name: " + HEXKEY))], secret=HEXKEY[20:100])
case("key-hex-as-key", "secrets", VALIDATE, [text("s.yaml", TINY + HEXKEY + ": 1\n")], secret=HEXKEY[20:100])
case("key-pem-as-costs", "secrets", VALIDATE,
     [text("s.yaml", with_value(TINY, "costs:", "costs: key.pem")), text("key.pem", PEM)], secret=PEM_BODY[64:128])
case("key-pem-as-trace", "secrets", VALIDATE,
     [text("s.yaml", with_value(with_value(TINY, "  count:", "  trace: key.pem"), "  visits:", "")), text("key.pem", PEM)],
     secret=PEM_BODY[64:128])
case("key-pem-as-log", "secrets", ["import-nginx", "{case}/key.pem", "--out", "{out}"], [text("key.pem", PEM)], secret=PEM_BODY[64:128])
case("key-pem-as-run-json", "secrets", ["report", "{run}", "--out", "{out}/r.html"],
     mutate=[{"target": "run", "file": "run.json", "op": "write", "text": PEM}], secret=PEM_BODY[64:128])
case("key-pem-as-summary", "secrets", ["compare", "{run}", "{run}"],
     mutate=[{"target": "run", "file": "summary_ci.csv", "op": "write", "text": PEM}], secret=PEM_BODY[64:128])

tiny_bytes = TINY.encode("utf-8")
for i, bad in enumerate([b"\xff", b"\xfe\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xe2\x82", b"\x00", b"\x00\x00\x00"]):
    for where, offset in (("start", 0), ("key", tiny_bytes.index(b"clients")), ("value", tiny_bytes.index(b"fuzz-tiny")),
                          ("comment", None)):
        if offset is None:
            data = tiny_bytes + b"# note " + bad + b"\n"
        else:
            data = tiny_bytes[:offset] + bad + tiny_bytes[offset:]
        case(f"encoding-{i}-{where}", "encoding", VALIDATE, [raw("s.yaml", data)])
case("encoding-utf16-le-bom", "encoding", VALIDATE, [raw("s.yaml", b"\xff\xfe" + TINY.encode("utf-16-le"))], exit=(0, 2))
case("encoding-utf16-be", "encoding", VALIDATE, [raw("s.yaml", TINY.encode("utf-16-be"))], exit=(0, 2))
case("encoding-utf32", "encoding", VALIDATE, [raw("s.yaml", TINY.encode("utf-32"))], exit=(0, 2))
case("encoding-utf8-bom", "encoding", VALIDATE, [raw("s.yaml", b"\xef\xbb\xbf" + tiny_bytes)], exit=(0, 2))
case("encoding-latin1-name", "encoding", VALIDATE, [raw("s.yaml", with_value(TINY, "name:", "name: caf\u00e9").encode("latin-1"))])
case("encoding-control-chars", "encoding", VALIDATE, [text("s.yaml", with_value(TINY, "name:", "name: a\u0007b\u001bc"))])
case("encoding-bidi-name", "encoding", VALIDATE, [text("s.yaml", with_value(TINY, "name:", "name: a\u202eb"))])
case("encoding-crlf", "encoding", VALIDATE, [text("s.yaml", TINY.replace("\n", "\r\n"))], exit=(0,))
case("encoding-cr-only", "encoding", VALIDATE, [text("s.yaml", TINY.replace("\n", "\r"))], exit=(0, 2))
case("encoding-tabs", "encoding", VALIDATE, [text("s.yaml", TINY.replace("  ", "\t"))])
for n in range(12):
    data = bytearray(tiny_bytes)
    for _ in range(1 + n % 4):
        data[rng.randrange(len(data))] = rng.choice([0x00, 0x80, 0xff, 0xc3, 0xe2, 0xf0, 0x1b, 0x7f])
    case(f"encoding-random-{n:02d}", "encoding", VALIDATE, [raw("s.yaml", bytes(data))], exit=(0, 2))
for n in range(8):
    data = bytes(rng.randrange(256) for _ in range(rng.choice([1, 17, 512, 4096])))
    case(f"binary-random-{n}", "encoding", VALIDATE, [raw("s.yaml", data)])

# ---------------------------------------------------------------------------------------------
# Values that are accepted by the grammar but a run cannot hold
HOSTILE_INTS = ["0", "-1", "2147483647", "2147483648", "4294967296", "9223372036854775807",
                "9223372036854775808", "1e12", "1.5", "abc", "\"\"", "~", "[]", "{}", "0x10", "1_000",
                "NaN", ".inf", "-.inf", "99999999999999999999999999"]
HOSTILE_DURATIONS = ["0", "-1s", "0s", "1ns", "1e-30s", "365d", "1000d", "100000d", "1e308s", "1e400h",
                     "9223372036854775807s", "NaN s", "inf", "5", "5 parsecs", "-0s", "1000000000000000000ms",
                     "10m10m", "[]"]
HOSTILE_RATES = ["0/h", "-4/h", "1e9/s", "1e308/s", "4/0h", "4", "inf/h", "NaN/h", "4/-1h", "1/1e-300s"]
HOSTILE_FRACTIONS = ["-1", "0", "1.0000001", "NaN", "1e308", "-0", "2", "abc"]
value_sites = [
    ("  count:", "  count: {v}", HOSTILE_INTS),
    ("duration:", "duration: {v}", HOSTILE_DURATIONS),
    ("warmup:", "warmup: {v}", HOSTILE_DURATIONS + ["{auto: 1000d}", "{auto: 0}", "{auto: -1h}", "{auto: 1e308s}", "auto"]),
    ("replications:", "replications: {v}", HOSTILE_INTS),
    ("seed:", "seed: {v}", HOSTILE_INTS + ["18446744073709551615", "18446744073709551616", "-9223372036854775809"]),
    ("  visits:", "  visits: {{rate: {v}}}", HOSTILE_RATES),
    ("  visits:", "  visits: {{rate: 30/h, process: pareto, shape: {v}}}",
     ["1", "1.0000000001", "1.000001", "1.01", "0.5", "0", "-1", "100", "100.0001", "1e308", "NaN"]),
    ("  visits:", "  visits: {{rate: 30/h, process: lognormal, sigma: {v}}}", ["0", "5", "5.0001", "50", "1e308", "NaN", "-1"]),
    ("  rtt:", "  rtt: {{fixed: {v}}}", HOSTILE_DURATIONS),
    ("  rtt:", "  rtt: {{lognormal: {{median: 40ms, sigma: {v}}}}}", ["0", "10", "100", "1e6", "-1", "NaN"]),
    ("  rtt:", "  rtt: {{lognormal: {{median: {v}, sigma: 0.5}}}}", HOSTILE_DURATIONS),
    ("farm:", "farm: {{servers: {v}, cores: 2, balancer: round-robin}}", HOSTILE_INTS),
    ("farm:", "farm: {{servers: 2, cores: {v}, balancer: round-robin}}", HOSTILE_INTS),
    ("costs:", "costs: {{fixed: {v}}}", HOSTILE_DURATIONS),
    ("    session_ids:", "    session_ids: {{store: per-server, eviction: fifo, capacity: {v}, timeout: 5m}}",
     HOSTILE_INTS + ["1PB", "1e18B", "10MB", "0MB", "-1MB", "18446744073709551616B"]),
    ("    session_ids:", "    session_ids: {{store: per-server, eviction: fifo, capacity: 1000, timeout: {v}}}", HOSTILE_DURATIONS),
    ("    tickets:", "    tickets: {{keys: shared, rotate: {v}, keep: 2h, lifetime: 2h}}", HOSTILE_DURATIONS),
    ("    tickets:", "    tickets: {{keys: shared, rotate: 1h, keep: {v}, lifetime: 2h}}", HOSTILE_DURATIONS),
    ("    tickets:", "    tickets: {{keys: shared, rotate: 1h, keep: 2h, lifetime: {v}}}", HOSTILE_DURATIONS),
    ("output:", "output: {{bucket: {v}}}", HOSTILE_DURATIONS + ["1ms", "1us"]),
    ("pages:", "pages: {{hosts: {v}, connections: 2, http: h1, connection_wait: wait-for-first}}", HOSTILE_INTS),
    ("pages:", "pages: {{hosts: 1, connections: {v}, http: h2, connection_wait: wait-for-first}}", HOSTILE_INTS),
    ("    - {browser:", "    - {{browser: chrome, share: {v}}}", HOSTILE_FRACTIONS),
    ("    - {browser:", "    - {{browser: chrome, share: 1, cache_entries: {v}}}", HOSTILE_INTS),
]
for site_index, (prefix, template, values) in enumerate(value_sites):
    for value_index, value in enumerate(values):
        # The long shared lists are split between the sites that use them: every value is still tried
        # at several sites, at half the cost.
        if len(values) > 12 and (value_index + site_index) % 2:
            continue
        content = with_value(TINY, prefix, template.format(v=value))
        slug = "".join(c if c.isalnum() else "_" for c in value)[:24]
        case(f"value-{site_index:02d}-{value_index:02d}-{slug}", "values", VALIDATE, [text("s.yaml", content)], exit=(0, 2))
for value in ["365d", "1000d"]:
    for bucket in ["1ms", "1us", "100ms"]:
        content = with_value(with_value(TINY, "duration:", f"duration: {value}"), "output:", f"output: {{bucket: {bucket}}}")
        case(f"value-buckets-{value}-{bucket}", "values", VALIDATE, [text("s.yaml", content)])
for count in ["2147483647", "1000000000", "200000000"]:
    case(f"value-clients-run-{count}", "values", RUN, [text("s.yaml", with_value(TINY, "  count:", f"  count: {count}"))])
case("value-fixed-cost-1000d-run", "values", RUN, [text("s.yaml", with_value(TINY, "costs:", "costs: {fixed: 1000d}"))])
case("value-pareto-edge-run", "values", RUN,
     [text("s.yaml", with_value(TINY, "  visits:", "  visits: {rate: 30/h, process: pareto, shape: 1.0000001}"))])
case("value-duration-huge-run", "values", RUN, [text("s.yaml", with_value(TINY, "duration:", "duration: 100000d"))])
case("value-buckets-huge-run", "values", RUN,
     [text("s.yaml", with_value(with_value(TINY, "duration:", "duration: 365d"), "output:", "output: {bucket: 1ms}"))])
case("value-servers-huge-run", "values", RUN,
     [text("s.yaml", with_value(TINY, "farm:", "farm: {servers: 100000000, cores: 2, balancer: round-robin}"))])
case("value-connections-huge-run", "values", RUN,
     [text("s.yaml", with_value(TINY, "pages:", "pages: {hosts: 1, connections: 1000000, http: h2, connection_wait: parallel}"))])
case("value-strategies-20000", "values", VALIDATE,
     [numbered("s.yaml", "  - name: s{n}\n    resumption: off\n", 20000,
               head=TINY.split("strategies:")[0] + "strategies:\n", tail="output: {bucket: 10s}\n")], exit=(0, 2))
case("value-faults-100000", "values", VALIDATE,
     [numbered("s.yaml", "  - {at: {n}s, restart: server-1}\n", 100000, head=TINY + "faults:\n")], exit=(0, 2))

# ---------------------------------------------------------------------------------------------
# Sweeps
for keys, values in ((8, 256), (4, 100000), (2, 10001), (16, 16), (64, 2), (3, 22)):
    paths = ["seed", "replications", "duration", "farm.servers", "farm.cores", "clients.count",
             "strategies.ids.session_ids.capacity", "strategies.ids.session_ids.timeout"]
    chosen = [paths[i % len(paths)] + ("" if i < len(paths) else f"-{i}") for i in range(keys)]
    parts = [{"text": TINY + "sweep:\n"}]
    for p in chosen:
        parts += [{"text": f"  {p}: ["}, {"numbered": "1{n}, ", "times": values - 1}, {"text": "2]\n"}]
    # Every grid here has more than 10,000 points.
    case(f"sweep-grid-{keys}x{values}", "sweeps", VALIDATE, [{"path": "s.yaml", "parts": parts}])
for value in ["[]", "[[1]]", "[{a: 1}]", "1", "{}", "~", "[1, 1]"]:
    case(f"sweep-values-{''.join(c for c in value if c.isalnum()) or 'sym'}-{len(value)}", "sweeps", VALIDATE,
         [text("s.yaml", TINY + f"sweep:\n  farm.servers: {value}\n")], exit=(0, 2))
for path in ["", ".", "..", "a..b", "farm", "strategies", "strategies.*", "strategies.*.*", "faults.0.at", "strategies.99.name",
             "farm.servers.x", "../../etc", "clients.mix.-1.share", "clients.mix.99999999999999999999.share", "strategies.ids"]:
    slug = "".join(c if c.isalnum() else "_" for c in path) or "empty"
    case(f"sweep-path-{slug}", "sweeps", VALIDATE, [text("s.yaml", TINY + f"sweep:\n  \"{path}\": [1, 2]\n")])
case("sweep-not-mapping", "sweeps", VALIDATE, [text("s.yaml", TINY + "sweep: [1, 2]\n")])
case("sweep-duplicate-key", "sweeps", VALIDATE, [text("s.yaml", TINY + "sweep:\n  seed: [1]\n  seed: [2]\n")])
case("sweep-run-overflow", "sweeps", RUN,
     [text("s.yaml", TINY + "sweep:\n" + "".join(f"  {p}: [" + ", ".join(str(v + 1) for v in range(256)) + "]\n"
                                              for p in ["seed", "replications", "farm.servers", "farm.cores",
                                                        "clients.count", "strategies.ids.session_ids.capacity",
                                                        "pages.connections", "pages.hosts"]))])

# ---------------------------------------------------------------------------------------------
# Command-line options
STRANGE = ["abc", "-1", "0", "1e3", "99999999999999999999", "", " ", "1.5", "0x10", "--", "NaN", "\u00e9", "x" * 5000]
for value in STRANGE:
    # An empty list of charts or metrics may mean "the default" rather than an error.
    blank = value.strip() == ""
    slug = ("".join(c if c.isalnum() else "_" for c in value) or "empty")[:20]
    case(f"cli-run-replications-{slug}", "cli", ["run", "{case}/s.yaml", "--out", "{out}", "--quiet", "--replications", value],
         [text("s.yaml", TINY)], exit=(2,))
    case(f"cli-run-threads-{slug}", "cli", ["run", "{case}/s.yaml", "--out", "{out}", "--quiet", "--threads", value],
         [text("s.yaml", TINY)], exit=(0, 2) if value in ("0",) else (2,))
    case(f"cli-run-seed-{slug}", "cli", ["run", "{case}/s.yaml", "--out", "{out}", "--quiet", "--seed", value],
         [text("s.yaml", TINY)], exit=(0, 2) if value in ("0",) else (2,))
    case(f"cli-run-shard-{slug}", "cli", ["run", "{case}/s.yaml", "--out", "{out}", "--quiet", "--shard", value],
         [text("s.yaml", TINY)], exit=(2,))
    case(f"cli-run-metric-{slug}", "cli", ["run", "{case}/s.yaml", "--out", "{out}", "--quiet", "--metric", value],
         [text("s.yaml", TINY + "sweep: {farm.servers: [1, 2]}\n")], exit=(2,))
    case(f"cli-calibrate-rounds-{slug}", "cli", ["calibrate", "--rounds", value, "--out", "{out}/p.yaml"], exit=(2,))
    case(f"cli-plot-charts-{slug}", "cli", ["plot", "{run}", "--charts", value], exit=(0, 2) if blank else (2,))
    case(f"cli-plot-format-{slug}", "cli", ["plot", "{run}", "--format", value], exit=(2,))
    case(f"cli-compare-metrics-{slug}", "cli", ["compare", "{run}", "{run}", "--metrics", value], exit=(0, 2) if blank else (2,))
for shard in ["0/2", "3/2", "1/0", "0/0", "-1/2", "1/-2", "1/2/3", "/2", "1/", "2147483648/2147483649", "1/100000000", "a/b", "1//2", "1.5/2"]:
    slug = "".join(c if c.isalnum() else "_" for c in shard)
    # A shard past the number of runs is empty: it may be refused or written as an empty shard.
    case(f"cli-shard-{slug}", "cli", ["run", "{case}/s.yaml", "--out", "{out}", "--quiet", "--shard", shard],
         [text("s.yaml", TINY + "sweep: {farm.servers: [1, 2]}\n")], exit=(0, 2) if shard == "1/100000000" else (2,))
for out, why in [("", "empty"), ("{case}/file", "file-in-the-way"), ("{case}/file/sub", "under-a-file"),
                 ("/proc/version", "proc-file"), ("/proc/nope", "proc-dir"), ("/dev/null", "dev-null"),
                 ("{case}/" + "d" * 300, "name-too-long"), ("{case}/ro", "read-only-dir")]:
    special = [{"path": "ro", "kind": "dir", "mode": "555"}]
    for command, args in [("run", ["run", "{case}/s.yaml", "--quiet", "--out", out]),
                          ("merge", ["merge", "{shard1}", "{shard2}", "--out", out]),
                          ("report", ["report", "{run}", "--out", out + "/r.html" if out else ""]),
                          ("import", ["import-nginx", "{case}/access.log", "--out", out]),
                          ("calibrate", ["calibrate", "--quick", "--rounds", "0", "--out", out + "/p.yaml" if out else ""])]:
        # Root writes into a mode-555 folder anyway: then the command succeeds.
        allowed = (0, 1, 2) if why == "read-only-dir" and command != "calibrate" else (1, 2)
        case(f"cli-out-{why}-{command}", "cli", args,
             [text("s.yaml", TINY), text("file", "x"), text("access.log", "1700000000.000 10.0.0.1 1 . - h 1\n")],
             special=special, exit=allowed)
for command in ["run", "validate", "plot", "report", "compare", "merge", "import-nginx", "calibrate", "check-model", "bench", "nope", ""]:
    slug = command or "empty"
    case(f"cli-unknown-option-{slug}", "cli", ([command] if command else []) + ["--no-such-option", "1"], exit=(2,))
    # calibrate with no arguments measures for minutes: it is not a hostile input.
    if command != "calibrate":
        case(f"cli-no-arguments-{slug}", "cli", [command] if command else [], exit=(0, 2) if command == "bench" else (2,))
for args in [["run"], ["run", "--out"], ["run", "{case}/s.yaml", "--out"], ["run", "{case}/s.yaml", "--replications"],
             ["run", "{case}/s.yaml", "{case}/s.yaml"], ["run", "{case}/s.yaml", "--quiet", "--quiet", "--out", "{out}", "--replications", "1", "--replications", "2"],
             ["validate", "{case}/s.yaml", "extra"], ["compare", "{run}"], ["compare", "{run}", "{case}/nope"], ["compare", "{case}/nope", "{run}"],
             ["plot", "{case}/nope"], ["plot", "{case}"], ["report"], ["report", "{case}/nope"], ["merge"], ["merge", "{case}/nope"],
             ["merge", "{shard1}"], ["merge", "{shard1}", "{shard1}", "--out", "{out}"], ["import-nginx", "{case}/access.log"],
             ["bench", "engine", "--repetitions", "abc"], ["bench", "tls", "--repetitions", "-1"], ["bench", "model", "--repetitions", "0"],
             ["bench", "scale", "{case}/nope.yaml"], ["bench", "scale", "--clients", "abc"], ["bench", "scale", "--clients", "-5"],
             ["bench", "scale", "--mode", "sideways"], ["check-model", "{case}/nope"], ["check-model", "/dev/zero"],
             ["--version", "--version"], ["-h", "run", "--nope"], ["run", "{case}/s.yaml", "--out", "{out}", "--threads", "100000", "--quiet"],
             ["run", "{case}/s.yaml", "--out", "{out}", "--replications", "1001"], ["run", "{case}/s.yaml", "--out", "{out}", "--replications", "2147483648"]]:
    slug = "-".join("".join(c for c in a if c.isalnum()) for a in args)[:60] or "empty"
    case(f"cli-args-{slug}", "cli", args, [text("s.yaml", TINY), text("access.log", "1700000000.000 10.0.0.1 1 . - h 1\n")],
         exit=(0, 2) if args[0] in ("--version", "-h") or "100000" in args else (2,))

# ---------------------------------------------------------------------------------------------
# Result files, tampered
RESULT_COMMANDS = [("plot", ["plot", "{run}", "--format", "svg"]), ("report", ["report", "{run}", "--out", "{out}/r.html"]),
                   ("compare", ["compare", "{run}", "{run}"])]
RESULT_FILES = ["run.json", "summary.csv", "summary_ci.csv", "timeseries.csv", "latency.csv", "misses.csv", "servers.csv",
                "scenario.yaml"]
mutations = [
    ("delete", {"op": "delete"}),
    ("empty", {"op": "write", "text": ""}),
    ("truncate-half", {"op": "truncate", "fraction": 0.5}),
    ("truncate-byte", {"op": "truncate", "fraction": 0.01}),
    ("binary", {"op": "write", "b64": base64.b64encode(bytes(rng.randrange(256) for _ in range(4096))).decode()}),
    ("non-utf8", {"op": "append", "b64": base64.b64encode(b"\xff\xfe\xc0\n").decode()}),
    ("nul", {"op": "append", "b64": base64.b64encode(b"\x00\x00\n").decode()}),
    ("directory", {"op": "dir"}),
    ("fifo", {"op": "fifo"}),
    ("huge-line", {"op": "append", "parts": [{"repeat": "9", "times": 20_000_000}]}),
]
for file_index, file in enumerate(RESULT_FILES):
    for mutation_index, (mname, m) in enumerate(mutations):
        # Each (file, damage) pair once, the commands taking turns.
        cname, args = RESULT_COMMANDS[(file_index + mutation_index) % len(RESULT_COMMANDS)]
        case(f"results-{cname}-{file.replace('.', '_')}-{mname}", "results", args,
             mutate=[dict(m, target="run", file=file)], exit=(0, 2))
CSV_EDITS = [
    ("header-renamed", {"op": "csv-set", "row": 0, "col": 0, "value": "nonsense"}),
    ("header-dropped", {"op": "csv-drop-row", "row": 0}),
    ("column-dropped", {"op": "csv-drop-col", "col": 2}),
    ("cell-nan", {"op": "csv-set", "row": 1, "col": -1, "value": "NaN"}),
    ("cell-inf", {"op": "csv-set", "row": 1, "col": -1, "value": "Infinity"}),
    ("cell-huge", {"op": "csv-set", "row": 1, "col": -1, "value": "1e999"}),
    ("cell-negative", {"op": "csv-set", "row": 1, "col": -1, "value": "-12345678901234567890"}),
    ("cell-text", {"op": "csv-set", "row": 1, "col": -1, "value": "abc"}),
    ("cell-quote", {"op": "csv-set", "row": 1, "col": 0, "value": "\"unterminated"}),
    ("cell-formula", {"op": "csv-set", "row": 1, "col": 0, "value": "=HYPERLINK(\"http://x\")"}),
    ("cell-script", {"op": "csv-set", "row": 1, "col": 0, "value": "<script>alert(1)</script>"}),
    ("cell-path", {"op": "csv-set", "row": 1, "col": 0, "value": "../../evil"}),
    ("extra-column", {"op": "csv-set", "row": 1, "col": 999, "value": "1"}),
    ("rows-duplicated", {"op": "csv-dup-rows", "times": 50000}),
]
for file in ["summary.csv", "summary_ci.csv", "timeseries.csv", "latency.csv", "misses.csv", "servers.csv"]:
    for ename, e in CSV_EDITS:
        cname, args = RESULT_COMMANDS[(len(cases)) % len(RESULT_COMMANDS)]
        case(f"results-{file.replace('.', '_')}-{ename}-{cname}", "results", args, mutate=[dict(e, target="run", file=file)], exit=(0, 2))
JSON_EDITS = [
    ("name-traversal", "scenario", "\"../../evil\""), ("name-absolute", "scenario", "\"/etc/passwd\""),
    ("name-empty", "scenario", "\"\""), ("name-number", "scenario", "42"), ("name-null", "scenario", "null"),
    ("name-huge", "scenario", [{"text": "\""}, {"repeat": "n", "times": 100000}, {"text": "\""}]), ("name-nul", "scenario", "\"a\\u0000b\""),
    ("sha-short", "scenario_sha256", "\"abc\""), ("sha-not-hex", "scenario_sha256", "\"" + "z" * 64 + "\""),
    ("sha-number", "scenario_sha256", "1"), ("seed-negative", "seed", "-1"), ("seed-text", "seed", "\"x\""),
    ("seed-huge", "seed", "1e400"), ("run-id-traversal", "run_id", "\"../../x\""), ("run-id-slash", "run_id", "\"a/b\""),
    ("version-object", "version", "{}"), ("deep", "extra", [{"repeat": "[", "times": 100000}, {"repeat": "]", "times": 100000}]),
]
for ename, key, value in JSON_EDITS:
    for cname, args in RESULT_COMMANDS + [("merge", ["merge", "{shard1}", "{shard2}", "--out", "{out}"])]:
        target = "shard1" if cname == "merge" else "run"
        case(f"results-run-json-{ename}-{cname}", "results", args,
             mutate=[{"target": target, "file": "run.json", "op": "json-set", "key": key,
                      "value_parts" if isinstance(value, list) else "value": value}],
             exit=(0, 2))
for ename, m in [("shard-missing", [{"target": "shard2", "op": "delete-folder"}]),
                 ("shard-seed-differs", [{"target": "shard2", "file": "run.json", "op": "json-set", "key": "seed", "value": "8"}]),
                 ("shard-command-differs", [{"target": "shard2", "file": "run.json", "op": "json-replace", "find": "--shard 2/2", "with": "--shard 2/3"}]),
                 ("shard-summary-truncated", [{"target": "shard2", "file": "summary.csv", "op": "truncate", "fraction": 0.5}]),
                 ("shard-scenario-differs", [{"target": "shard2", "file": "scenario.yaml", "op": "append", "text": "# changed\n"}])]:
    # Only a missing shard or a different seed is sure to be refused; the others depend on what
    # merge compares, and must then be refused or merge correctly.
    sure = ename in ("shard-missing", "shard-seed-differs", "shard-summary-truncated")
    case(f"merge-{ename}", "results", ["merge", "{shard1}", "{shard2}", "--out", "{out}"], mutate=m, exit=(2,) if sure else (0, 2))
case("merge-same-shard-twice", "results", ["merge", "{shard1}", "{shard1}", "--out", "{out}"])
case("merge-run-and-shard", "results", ["merge", "{run}", "{shard1}", "--out", "{out}"])
case("merge-ok", "results", ["merge", "{shard1}", "{shard2}", "--out", "{out}"], exit=(0,))
case("report-ok", "results", ["report", "{run}", "--out", "{case}/r.html"], exit=(0,))
case("report-into-missing-folder", "results", ["report", "{run}", "--out", "{out}/r.html"], exit=(0, 2))

# ---------------------------------------------------------------------------------------------
# nginx access logs
LOG_OK = "1700000000.123 10.0.0.1 1 . 0a1b h.example 7\n1700000001.500 10.0.0.2 1 r 0a1b h.example 8\n"
logs = {
    "empty": "", "one-field": "x\n", "quotes": "1700000000.1 10.0.0.1 1 . - \"h,o\"\"st\" 1\n",
    "commas": "1700000000.1 10.0.0.1 1 . - a,b 1,2\n", "non-ascii": "1700000000.1 10.0.0.1 1 . - h\u00e9st.example \u00e9\n",
    "time-text": "soon 10.0.0.1 1 . - h 1\n", "time-negative": "-5 10.0.0.1 1 . - h 1\n",
    "time-huge": "1e300 10.0.0.1 1 . - h 1\n", "time-nan": "NaN 10.0.0.1 1 . - h 1\n",
    "backwards": "1700000005.0 10.0.0.1 1 . - h 1\n1700000000.0 10.0.0.1 1 . - h 1\n",
    "requests-huge": "1700000000.1 10.0.0.1 99999999999999999999 . - h 1\n", "crlf": LOG_OK.replace("\n", "\r\n"),
    "tabs": LOG_OK.replace(" ", "\t"), "ok": LOG_OK, "many-fields": LOG_OK.replace("\n", " a b c d e f\n"),
    "ipv6": "1700000000.1 ::1 1 . - h 1\n", "brackets": "1700000000.1 [x] 1 r - h 1\n",
}
for name, content in logs.items():
    case(f"nginx-log-{name}", "import-nginx", ["import-nginx", "{case}/access.log", "--out", "{out}"],
         [text("access.log", content)], exit=(0, 2))
for name, data in [("nul", LOG_OK.encode() + b"\x00\n"), ("non-utf8", b"1700000000.1 10.0.0.1 1 . - h\xff 1\n"),
                   ("binary", bytes(rng.randrange(256) for _ in range(3000)))]:
    case(f"nginx-log-{name}", "import-nginx", ["import-nginx", "{case}/access.log", "--out", "{out}"], [raw("access.log", data)])
case("nginx-log-huge-line", "import-nginx", ["import-nginx", "{case}/access.log", "--out", "{out}"],
     [repeat("access.log", "a", 30_000_000, head="1700000000.1 10.0.0.1 1 . - ", tail=" 1\n")], exit=(0, 2))
case("nginx-log-dev-zero", "import-nginx", ["import-nginx", "/dev/zero", "--out", "{out}"])
case("nginx-log-fifo", "import-nginx", ["import-nginx", "{case}/p", "--out", "{out}"], special=[{"path": "p", "kind": "fifo"}])
case("nginx-log-directory", "import-nginx", ["import-nginx", "{case}", "--out", "{out}"], exit=(1, 2))
case("nginx-out-is-log", "import-nginx", ["import-nginx", "{case}/access.log", "--out", "{case}/access.log"],
     [text("access.log", LOG_OK)], exit=(1, 2))

# ---------------------------------------------------------------------------------------------
# Random mutations of every shipped scenario (validate only: a valid mutation of a large scenario
# may legitimately take minutes to run).
HOSTILE_SCALARS = ["-1", "0", "1e308", "NaN", "abc", "\"\"", "[]", "{}", "~", "2147483648", "1000000d", "0s", "-5m",
                   "*undefined", "&a x", "!!binary AAAA", "\"\\u0000\"", "9" * 40, "1/0s", "1e-320"]


def mutate_text(src, n):
    lines = src.split("\n")
    kind = n % 8
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[i])
    elif kind == 2 and ":" in lines[i]:
        head, _, _ = lines[i].partition(":")
        lines[i] = head + ": " + rng.choice(HOSTILE_SCALARS)
    elif kind == 3:
        lines[i] = " " * rng.randrange(1, 6) + lines[i]
    elif kind == 4:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 5:
        cut = rng.randrange(len(src))
        return src[:cut]
    elif kind == 6:
        chars = list(src)
        for _ in range(3):
            k = rng.randrange(len(chars))
            chars[k] = rng.choice(list("[]{}:,-&*!|>'\"#%@` \t0"))
        return "".join(chars)
    else:
        numbers = [k for k, line in enumerate(lines) if any(ch.isdigit() for ch in line.split("#")[0])]
        if numbers:
            k = rng.choice(numbers)
            body, hash_, comment = lines[k].partition("#")
            digits = [p for p, ch in enumerate(body) if ch.isdigit()]
            p = rng.choice(digits)
            body = body[:p] + rng.choice(["9999999999", "0", "-", "1e9", "00000"]) + body[p + 1:]
            lines[k] = body + hash_ + comment
    return "\n".join(lines)


shipped = sorted(f for f in os.listdir(SCENARIOS) if f.endswith(".yaml"))
mutations_per_file = 20
for name in shipped:
    with open(os.path.join(SCENARIOS, name), encoding="utf-8") as handle:
        src = handle.read()
    for n in range(mutations_per_file):
        files = [text("s.yaml", mutate_text(src, n))]
        case(f"mutation-{name[:-5]}-{n:03d}", "mutations", VALIDATE, files, exit=(0, 2))
tiny_runs = 12
for n in range(tiny_runs):
    case(f"mutation-tiny-run-{n:03d}", "mutations", RUN_WITH_CHARTS if n % 4 == 0 else RUN,
         [text("s.yaml", mutate_text(TINY, n))], exit=(0, 2))

ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]
# The test's own fixture runs are made from the same small scenario.
with open(os.path.join(HERE, "tiny.yaml"), "w", encoding="utf-8", newline="\n") as out:
    out.write(TINY)
with open(os.path.join(HERE, "cases.jsonl"), "w", encoding="utf-8", newline="\n") as out:
    for c in cases:
        out.write(json.dumps(c, ensure_ascii=True, sort_keys=True) + "\n")
by_class = {}
for c in cases:
    by_class[c["class"]] = by_class.get(c["class"], 0) + 1
print(f"{len(cases)} cases: " + ", ".join(f"{k} {v}" for k, v in sorted(by_class.items())))
