#!/usr/bin/env bash
# The CPU check of docs/validation.md ("Real nginx: server CPU"): a mixed trace of TLS 1.2 with
# session IDs (a 32k shared zone, small enough that sessions are evicted), TLS 1.2 with tickets and
# TLS 1.3 is driven through one nginx worker pinned to one core (tlsload.py, one connection at a
# time at the trace's times, each client keeping its own session); the worker's CPU over the whole
# trace and per connection is read from /proc/<pid>/schedstat. The trace's segments take turns
# with the rounds of measure.sh (the default profile's measurement) and of `resumesim calibrate`
# (profile (b), unless --calibrated FILE), so that all three see the machine alike. The three
# access logs are imported with `resumesim import-nginx` and replayed in ResumeSim with (a) the
# default cost profile and (b) the calibrated one. Prints both against nginx (compare.py); exit 1
# when a figure is off by more than --tolerance.
#
# Writes only under work/check/; binds only to 127.0.0.1; stops the nginx it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The trace is planned faster than one client can connect, so connections run back to back, as
# on a busy server, like measure.sh's batches and calibrate's (docs/costs.md: a worker that idles
# between connections on this shared machine spends up to 1.4x more per connection).
clients=900          # distinct clients, a third on each of the three listeners
rate=0.28            # planned visits per client per second (Poisson): about 250/s in all
duration=180         # seconds of planned visits
timeout=10           # ssl_session_timeout, seconds: both sessions and tickets end here
zone=32k             # ssl_session_cache shared:SSL:<zone> of the session-ID listener
capacity=63          # sessions that zone holds (measured by validation/nginx/run.sh, docs/validation.md)
seed=1
port=19480
tolerance=0.15
rounds=6             # rounds of measure.sh and of calibrate, taking turns with the trace's segments
measure_port=19400   # measure.sh's listeners (P .. P+60)
calibrated=""
reuse=0
usage() { sed -n '2,11p' "$0"; echo "options: --clients N --rate R --duration S --timeout T --seed S --port P (uses P .. P+2) --tolerance X --calibrated FILE --rounds N"
          echo "         --replay-only: keep work/check's logs and measurements, redo only the replays and the comparison"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --tolerance) tolerance=$2; shift 2 ;;
    --calibrated) calibrated=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --replay-only) reuse=1; shift ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "check.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

work="$here/work/check"
dotnet build "$root/src/ResumeSim.Cli" -c Release -v quiet -nologo >/dev/null
cli=(dotnet run --project "$root/src/ResumeSim.Cli" -c Release --no-build --)
# Steps 1-4 drive nginx; --replay-only keeps what an earlier run measured.
drive() {
  rm -rf "$work"
  mkdir -p "$work"/{import,results}
  ensure_packages
  make_certificates


  # --- 2. nginx: three listeners, one access log each ---------------------------------------------
  ids=$port tickets=$((port + 1)) tls13=$((port + 2))
  {
    server_block "$ids" ecdsa-p256 TLSv1.2 off "shared:SSL:$zone" "$timeout" X25519 access-ids.log
    server_block "$tickets" ecdsa-p256 TLSv1.2 on none "$timeout" X25519 access-tickets.log
    server_block "$tls13" ecdsa-p256 TLSv1.3 on none "$timeout" X25519 access-tls13.log
  } | write_conf

  # --- 3. the trace: Poisson visits per client; client i talks to listener i mod 3 -------------------
  awk -v n="$clients" -v r="$rate" -v d="$duration" -v seed="$seed" -v a="$ids" -v b="$tickets" -v c="$tls13" 'BEGIN {
    srand(seed)
    split(a " " b " " c, ports, " "); split("1.2 1.2 1.3", versions, " ")
    for (i = 1; i <= n; i++) { g = 1 + (i % 3); t = 0
      while (1) { t += -log(1 - rand()) / r; if (t >= d) break; printf "%.3f,c%d,%d,%s\n", t, i, ports[g], versions[g] } }
  }' | sort -t, -k1,1n >"$work/planned.csv"
  log "trace: $(wc -l <"$work/planned.csv") planned connections of $clients clients over ${duration}s"

  # --- 4. drive it, reading the worker's CPU ---------------------------------------------------------
  trap stop_nginx EXIT
  trap 'exit 130' INT TERM
  start_nginx
  {
    echo "nginx=$("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'); openssl=$(openssl version | cut -d' ' -f2)"
    echo "machine=$(uname -srm); $(nproc) CPUs: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ); load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  } >"$work/run.txt"
  # The trace runs in segments that take turns with the rounds of measure.sh (its own nginx, other
  # ports) and of resumesim calibrate (its own nginx), so the two profiles and the trace see the
  # machine in the same states: on this shared machine the CPU per connection moves by a quarter
  # with what other work runs (docs/costs.md). measure.sh's summary is the session's default
  # profile; calibrate's output is profile (b) unless --calibrated names one.
  local control="$work/control" trace_pid calibrate_pid=""
  mkdir -p "$control"
  taskset -c "$client_core" "$python" "$here/tlsload.py" trace "$work/planned.csv" --pid "$worker_pid" \
    --out "$work/connections.csv" --segments $((2 * rounds)) --control "$control" >"$work/trace.out" &
  trace_pid=$!
  if [[ -z $calibrated ]]; then
    "${cli[@]}" calibrate --rounds "$rounds" --between-rounds "$here/interleave.sh $control calibrate $rounds" \
      --out "$work/calibrated.yaml" >"$work/calibrate.txt" 2>&1 &
    calibrate_pid=$!
    calibrated="$work/calibrated.yaml"
    while [[ ! -e $control/cal-done-1 ]]; do sleep 0.1; done
  else
    for round in $(seq "$rounds"); do touch "$control/cal-go-$round" "$control/cal-done-$round"; done
  fi
  "$here/measure.sh" --reps "$rounds" --seconds 20 --port "$measure_port" --out "$work/measure" \
    --between-rounds "$here/interleave.sh $control measure $rounds" >&2
  wait "$trace_pid"
  [[ -n $calibrate_pid ]] && wait "$calibrate_pid"
  read -r n resumed failed late cpu ut st <"$work/trace.out"
  echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/run.txt"
  echo "connections=$n resumed=$resumed failed=$failed late_s=$late worker_cpu_ns=$cpu utime_ticks=$ut stime_ticks=$st" >>"$work/run.txt"
  stop_nginx
  cat "$work/run.txt" >&2
}

if ((reuse)); then
  [[ -s $work/run.txt && -s $work/connections.csv ]] || { echo "check.sh: --replay-only needs a finished run in $work" >&2; exit 2; }
  [[ -n $calibrated ]] || calibrated="$work/calibrated.yaml"
  rm -rf "$work/import" "$work/results" "$work/replays.csv"
  mkdir -p "$work"/{import,results}
else
  drive
fi

# --- 5. import and replay each listener with each profile -----------------------------------------
# Both servers count whole seconds, in opposite directions. nginx's shared cache serves a session
# while expire = created_s + T > now_s: T - f for one made at fraction f of a second, which the
# nginx preset's store does itself, so it takes the real timeout. OpenSSL 3.0 accepts a ticket's
# session until now_s - created_s exceeds T (ssl_get_prev_session, ssl/ssl_sess.c): T + 1 - f,
# T + 0.5 s on average, which the replay's ticket lifetime takes.
sim_ticket_ms=$((timeout * 1000 + 500))
for group in ids tickets tls13; do
  "${cli[@]}" import-nginx "$work/access-$group.log" --out "$work/import/$group" >"$work/import/$group.txt"
  last=$(tail -n 1 "$work/import/$group/trace.csv" | cut -d, -f1)
  run_for=$(awk -v l="$last" 'BEGIN { printf "%d", l + 60 }')
  case $group in
    ids) version=1.2; strategy="session_ids: {preset: nginx, capacity: $capacity, timeout: ${timeout}s}" ;;
    tickets) version=1.2; strategy="tickets: {keys: per-server, rotate: 0s, lifetime: ${sim_ticket_ms}ms}" ;;
    tls13) version=1.3; strategy="tickets: {keys: per-server, rotate: 0s, lifetime: ${sim_ticket_ms}ms}" ;;
  esac
  for profile in default calibrated; do
    costs=default; [[ $profile == calibrated ]] && costs=$calibrated
    cat >"$work/replay-$group-$profile.yaml" <<YAML
# Written by validation/nginx-cpu/check.sh: the $group listener's connections, replayed.
name: nginx-cpu-$group-$profile
seed: 1
warmup: 0s
duration: ${run_for}s
clients:
  trace: import/$group/trace.csv
  rtt: {fixed: 1ms}
  mix:
    - {client: curl, share: 1.0}
tls: {version: "$version", certificate: ecdsa-p256}
farm: {servers: 1, cores: 1, balancer: round-robin}
costs: $costs
strategies:
  - name: nginx
    $strategy
output: {bucket: ${run_for}s}
YAML
    folder=$("${cli[@]}" run "$work/replay-$group-$profile.yaml" --out "$work/results" --quiet | tail -n 1)
    echo "$group,$profile,$folder" >>"$work/replays.csv"
  done
done

# --- 6. the comparison ----------------------------------------------------------------------------
"$python" "$here/compare.py" "$work" "$root/scenarios/costs/default.yaml" "$calibrated" "$tolerance" | tee "$work/comparison.txt"
