#!/usr/bin/env bash
# The real-peer experiment of docs/validation.md ("Real nginx"): drive Debian's nginx with a trace
# of Poisson visits through real TLS 1.2 clients (openssl s_client, one session file per client),
# read what nginx logged ($ssl_session_reused), replay the same connections in ResumeSim written as
# a user writes it (the nginx zone size, the real timeout), and print both resumption rates.
# Exit 0 when they agree within --tolerance.
#
# Binds only to 127.0.0.1; writes only under validation/nginx/work/ (certificate, config, logs,
# session files, the replay's results); stops the nginx it started. Installs nginx-light and
# openssl with apt-get when they are missing (needs root or sudo).
set -euo pipefail

clients=200          # distinct clients
rate=0.02            # visits per client per second (compressed time: 0.02/s is 1.2/min)
duration=240         # seconds of wall-clock visits
timeout=60           # ssl_session_timeout, seconds (nginx and OpenSSL count whole seconds)
zone=32k             # ssl_session_cache shared:SSL:<zone>; nginx's minimum is 8 pages (32 KiB)
cache=shared         # shared (one zone for all workers) | builtin (OpenSSL's cache in each worker)
workers=1            # worker_processes
reuseport=0          # 1: listen ... reuseport (the kernel picks the worker by a hash of the 4-tuple)
lanes=1              # connections in flight at once (clients are split over the lanes)
fill=300             # calibration: fresh sessions stored before the probe (must exceed the capacity)
fill_sequential=300  # calibration: how many of the oldest are stored one at a time (see step 4)
seed=1               # seed of the visit trace
port=18443
tolerance=0.01       # |nginx - ResumeSim| allowed, as a fraction
tag=""               # work/<tag>/ instead of work/ (keeps several runs side by side)
phase=all            # all | measure (nginx only) | replay (ResumeSim on an earlier measurement)

usage() {
  sed -n '2,10p' "$0"
  echo "options: --clients N --rate R --duration S --timeout T --zone SIZE --cache shared|builtin"
  echo "         --workers W --reuseport --lanes K --fill N --fill-sequential N --seed S --port P"
  echo "         --tolerance X --tag NAME --measure-only --replay-only"
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --zone) zone=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --reuseport) reuseport=1; shift ;;
    --lanes) lanes=$2; shift 2 ;;
    --fill) fill=$2; shift 2 ;;
    --fill-sequential) fill_sequential=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --tolerance) tolerance=$2; shift 2 ;;
    --tag) tag=$2; shift 2 ;;
    --measure-only) phase=measure; shift ;;
    --replay-only) phase=replay; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $cache == shared || $cache == builtin ]] || { echo "run.sh: --cache must be shared or builtin" >&2; exit 2; }
(( workers >= 1 && lanes >= 1 )) || { echo "run.sh: --workers and --lanes must be at least 1" >&2; exit 2; }
(( fill_sequential <= fill )) || fill_sequential=$fill

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$here/work${tag:+/$tag}"
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
cli=(dotnet run --project "$root/src/ResumeSim.Cli" -c Release --)

# The replay (step 7) of a measurement made earlier: the settings are those the measurement used.
if [[ $phase == replay ]]; then
  [[ -s "$work/measured.env" ]] || { echo "run.sh: no measurement in $work (run with --measure-only first)" >&2; exit 2; }
  # shellcheck source=/dev/null
  source "$work/measured.env"
fi

if [[ $phase != replay ]]; then
# --- 1. nginx and openssl --------------------------------------------------------------------
if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]] || ! command -v openssl >/dev/null 2>&1; then
  log "installing nginx-light and openssl (Debian packages)"
  as_root=(); [[ $(id -u) -ne 0 ]] && as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq nginx-light openssl >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
log "$("$nginx_bin" -v 2>&1), $(openssl version)"

# --- 2. a fresh work folder, a self-signed ECDSA P-256 certificate -----------------------------
rm -rf "$work"
mkdir -p "$work"/{tmp,sessions,probe-sessions,import,results}
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# --- 3. nginx on loopback: TLS 1.2, tickets off, the session cache under test ------------------
# The log_format is the one `resumesim import-nginx` reads (src/ResumeSim.Cli/Import/NginxLogReader.cs);
# a second log records which worker ($pid) served each connection.
if [[ $cache == shared ]]; then cache_directive="shared:SSL:$zone"; else cache_directive=builtin; fi
listen_options=""; (( reuseport )) && listen_options=" reuseport"
write_conf() { # $1 = access log name, $2 = ssl_session_timeout in seconds
  cat >"$work/nginx.conf" <<CONF
worker_processes $workers;
pid $work/nginx.pid;
error_log $work/error.log notice;
events { worker_connections 256; }
http {
    client_body_temp_path $work/tmp/body;
    proxy_temp_path $work/tmp/proxy;
    fastcgi_temp_path $work/tmp/fastcgi;
    uwsgi_temp_path $work/tmp/uwsgi;
    scgi_temp_path $work/tmp/scgi;
    log_format resumesim '\$msec \$remote_addr \$connection_requests \$ssl_session_reused \$ssl_session_id \$host \$http_x_client_id';
    log_format workers '\$msec \$pid \$ssl_session_reused \$http_x_client_id';
    server {
        listen 127.0.0.1:$port ssl$listen_options;
        server_name localhost;
        ssl_certificate $work/cert.pem;
        ssl_certificate_key $work/key.pem;
        ssl_protocols TLSv1.2;
        ssl_session_tickets off;
        ssl_session_cache $cache_directive;
        ssl_session_timeout ${2}s;
        keepalive_timeout 0;
        access_log $work/$1 resumesim;
        access_log $work/workers-$1 workers;
        location / { return 200 "ok\n"; }
    }
}
CONF
}
nginx_pid=""
start_nginx() {
  "$nginx_bin" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" -t -q
  "$nginx_bin" -p "$work" -c "$work/nginx.conf" -e "$work/error.log"
  for _ in $(seq 50); do [[ -s "$work/nginx.pid" ]] && break; sleep 0.1; done
  nginx_pid=$(cat "$work/nginx.pid")
}
stop_nginx() {
  if [[ -n "$nginx_pid" ]] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid"   # graceful stop of the master we started (and its workers)
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  nginx_pid=""
}
trap stop_nginx EXIT
trap 'exit 130' INT TERM   # exit runs the EXIT trap, which stops nginx

# One TLS 1.2 connection of client $1 with its own session file in folder $2: offer the saved
# session (if any), save whatever session the server gives, send one request and read the answer.
connect() {
  local file="$2/$1.pem" resume=()
  [[ -s "$file" ]] && resume=(-sess_in "$file")
  printf 'GET / HTTP/1.1\r\nHost: localhost\r\nX-Client-Id: %s\r\nConnection: close\r\n\r\n' "$1" |
    openssl s_client -connect "127.0.0.1:$port" -servername localhost -tls1_2 -quiet -ign_eof \
      "${resume[@]}" -sess_out "$file" >/dev/null 2>&1 || echo "connection of $1 failed" >&2
}
# Clients p<from>..p<to> (counting down when from > to) in folder $3, every $5-th one from offset $4.
connect_range() {
  local i step=1; (( $1 > $2 )) && step=-1
  for ((i = $1 + $4 * step; step > 0 ? i <= $2 : i >= $2; i += $5 * step)); do connect "p$i" "$3"; done
}
connect_range_parallel() { # $1 = from, $2 = to, $3 = folder: the range over all lanes at once
  local k
  for ((k = 0; k < lanes; k++)); do connect_range "$1" "$2" "$3" "$k" "$lanes" & done
  wait
}

# --- 4. calibrate: how many sessions does this zone hold? --------------------------------------
# nginx sizes the cache in bytes of slab memory, not in sessions (see docs/validation.md). Fill it
# with fresh sessions p1..p<fill>, then resume them newest first: resumptions change nothing, and
# the first miss marks the capacity (a miss stores a session and evicts the oldest, which the probe
# has not reached yet, so the probe stops there). The probe's sessions live an hour, so only the
# zone's size can end them. To go faster, the newest part of the fill (p<fill-sequential+1> and up)
# is stored and probed over all lanes at once: those sessions are all younger than the boundary, so
# their order does not matter as long as each probe resumes (checked). The oldest
# <fill-sequential> are stored and probed one at a time, in order, because the boundary lies there.
capacity=""
if [[ $cache == shared ]]; then
  write_conf probe-access.log 3600
  start_nginx
  connect_range 1 "$fill_sequential" "$work/probe-sessions" 0 1
  (( fill > fill_sequential )) && connect_range_parallel $((fill_sequential + 1)) "$fill" "$work/probe-sessions"
  stored=$(wc -l <"$work/probe-access.log")
  if (( fill > fill_sequential )); then
    connect_range_parallel "$fill" $((fill_sequential + 1)) "$work/probe-sessions"
    missed=$(tail -n +$((stored + 1)) "$work/probe-access.log" | awk '$4 != "r"' | wc -l)
    (( missed == 0 )) || { log "calibration invalid: $missed of the newest $((fill - fill_sequential)) sessions missed; raise --fill-sequential"; exit 1; }
  fi
  capacity=$((fill - fill_sequential))
  found=0
  for ((i = fill_sequential; i >= 1; i--)); do
    connect "p$i" "$work/probe-sessions"
    [[ $(tail -n 1 "$work/probe-access.log" | cut -d' ' -f4) == r ]] || { found=1; break; }
    capacity=$((capacity + 1))
  done
  stop_nginx
  (( found )) || { log "calibration invalid: all $fill sessions resumed, so the zone holds more; raise --fill"; exit 1; }
  if grep -q "could not allocate" "$work/error.log"; then log "note: nginx logged a failed allocation during the calibration"; fi
  log "calibration: shared:SSL:$zone holds $capacity sessions"
fi

# --- 5. the visit trace: Poisson visits per client, compressed time -----------------------------
awk -v n="$clients" -v r="$rate" -v d="$duration" -v seed="$seed" 'BEGIN {
  srand(seed)
  for (c = 1; c <= n; c++) { t = 0; while (1) { t += -log(1 - rand()) / r; if (t >= d) break; printf "%d,c%d\n", 1000 * t, c } }
}' | sort -t, -k1,1n >"$work/planned.csv"
log "trace: $(wc -l <"$work/planned.csv") planned visits of $clients clients over ${duration}s, $lanes lane(s)"

# --- 6. drive nginx through the trace -----------------------------------------------------------
# Each lane runs its clients' connections one after another at their planned times (late ones at
# once); a client always uses the same lane, so its own connections never overlap. The replay uses
# the times nginx logged, so a late connection shifts both sides alike.
drive_lane() { # $1 = lane number
  local at client now_us wait_us
  while IFS=, read -r at client; do
    now_us=${EPOCHREALTIME/./}
    wait_us=$((begin_us + at * 1000 - now_us))
    (( wait_us > 0 )) && sleep "$((wait_us / 1000000)).$(printf '%06d' $((wait_us % 1000000)))"
    connect "$client" "$work/sessions"
  done < <(awk -F, -v k="$1" -v n="$lanes" 'substr($2, 2) % n == k' "$work/planned.csv")
}
write_conf access.log "$timeout"
start_nginx
begin_us=${EPOCHREALTIME/./}
for ((k = 0; k < lanes; k++)); do drive_lane "$k" & done
wait
late_ms=$(( (${EPOCHREALTIME/./} - begin_us) / 1000 - duration * 1000 ))
stop_nginx
log "driven: $(wc -l <"$work/access.log") connections logged; finished ${late_ms} ms after the planned end"
awk '{ n[$2]++ } END { for (p in n) printf "  worker %s served %d connections\n", p, n[p] }' "$work/workers-access.log"

cat >"$work/measured.env" <<ENV
clients=$clients rate=$rate duration=$duration timeout=$timeout zone=$zone cache=$cache
workers=$workers reuseport=$reuseport lanes=$lanes seed=$seed capacity=$capacity
ENV
fi
[[ $phase == measure ]] && exit 0

# --- 7. import the log and replay it in ResumeSim -------------------------------------------------
rm -rf "$work/import" "$work/results"; mkdir -p "$work/import" "$work/results"
"${cli[@]}" import-nginx "$work/access.log" --out "$work/import" | tee "$work/import.txt"
observed=$(sed -n 's/^observed resumption rate: \([0-9.]*\).*/\1/p' "$work/import.txt")
last=$(tail -n 1 "$work/import/trace.csv" | cut -d, -f1)
run_for=$(awk -v l="$last" 'BEGIN { printf "%d", l + 60 }')
# Written as a user writes it: nginx's zone size in bytes and its timeout, nothing calibrated. The
# nginx preset turns the zone into sessions the way nginx's slab allocator does, and applies
# nginx's whole-second expiry; a builtin cache is OpenSSL's internal cache in each worker
# (nginx-builtin), and the workers take connections as nginx's do (runs of 16 on a shared socket,
# or a hash per connection with reuseport, which is random: then the replay averages 20 draws).
replications=1
if (( reuseport )); then reuseport_yaml=true; else reuseport_yaml=false; fi
if [[ $cache == shared ]]; then
  store="{preset: nginx, capacity: $zone, timeout: ${timeout}s}"
  described="shared:SSL:$zone, measured $capacity sessions"
else
  store="{preset: nginx-builtin, timeout: ${timeout}s}"
  described="builtin, $workers workers, reuseport $reuseport_yaml"
  (( reuseport && workers > 1 )) && replications=20
fi
cat >"$work/replay.yaml" <<YAML
# Written by validation/nginx/run.sh: the connections nginx logged, replayed as nginx was configured.
name: nginx-replay
description: Replay of a real nginx run ($described, timeout ${timeout}s)
seed: 1
replications: $replications
duration: ${run_for}s
clients:
  trace: import/trace.csv
  rtt: {fixed: 1ms}
  mix:
    - {client: openssl, share: 1.0}
tls: {version: "1.2", certificate: ecdsa-p256}
farm: {servers: 1, workers: $workers, reuseport: $reuseport_yaml, cores: 1, balancer: round-robin}
costs: {fixed: 0}
strategies:
  - name: nginx
    session_ids: $store
output: {bucket: ${run_for}s}
YAML
folder=$("${cli[@]}" run "$work/replay.yaml" --out "$work/results" --quiet | tail -n 1)
simulated=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "resumption_rate") col = i; next } $1 == "nginx" { sum += $col; n++ } END { printf "%.6f", sum / n }' "$folder/summary.csv")

# --- 8. the comparison -----------------------------------------------------------------------------
awk -v o="$observed" -v s="$simulated" -v tol="$tolerance" -v d="$described" -v t="$timeout" 'BEGIN {
  printf "nginx %s, ssl_session_timeout %ss\n", d, t
  printf "  nginx     resumption rate %.4f\n  ResumeSim resumption rate %.4f\n  difference %+.2f percentage points (target within %.0f)\n", o, s, 100 * (s - o), 100 * tol
  printf "result\t%s\t%.4f\t%.4f\t%+.2f\n", d, o, s, 100 * (s - o)
  exit ((s - o) <= tol && (o - s) <= tol ? 0 : 1)
}'
