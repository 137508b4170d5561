#!/usr/bin/env bash
# The real-peer experiment of docs/validation.md ("Real nginx"): drive Debian's nginx with a trace
# of Poisson visits through real TLS 1.2 clients (openssl s_client, one session file per client),
# read what nginx logged ($ssl_session_reused), replay the same connections in ResumeSim with the
# nginx preset, and print both resumption rates. Exit 0 when they agree within --tolerance.
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
seed=1               # seed of the visit trace
port=18443
tolerance=0.02       # |nginx - ResumeSim| allowed, as a fraction

usage() { sed -n '2,9p' "$0"; echo "options: --clients N --rate R --duration S --timeout T --zone SIZE --seed S --port P --tolerance X"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --zone) zone=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --tolerance) tolerance=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$here/work"
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

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

# --- 3. nginx on loopback: TLS 1.2, tickets off, a small shared cache ---------------------------
# The log_format is the one `resumesim import-nginx` reads (src/ResumeSim.Cli/Import/NginxLogReader.cs).
write_conf() { # $1 = access log name, $2 = ssl_session_timeout in seconds
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
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
    server {
        listen 127.0.0.1:$port ssl;
        server_name localhost;
        ssl_certificate $work/cert.pem;
        ssl_certificate_key $work/key.pem;
        ssl_protocols TLSv1.2;
        ssl_session_tickets off;
        ssl_session_cache shared:SSL:$zone;
        ssl_session_timeout ${2}s;
        keepalive_timeout 0;
        access_log $work/$1 resumesim;
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
    kill -QUIT "$nginx_pid"   # graceful stop of the master we started (and its worker)
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

# --- 4. calibrate: how many sessions does this zone hold? --------------------------------------
# nginx sizes the cache in bytes of slab memory, not in sessions (see docs/validation.md). Fill it
# with 300 fresh sessions, then resume them newest first: resumptions change nothing, and the
# first miss marks the capacity (a miss stores a session and evicts the oldest, which the probe
# has already passed). The probe's sessions live an hour, so only the zone's size can end them.
write_conf probe-access.log 3600
start_nginx
probe=300
for i in $(seq "$probe"); do connect "p$i" "$work/probe-sessions"; done
capacity=0
for i in $(seq "$probe" -1 1); do
  connect "p$i" "$work/probe-sessions"
  [[ $(tail -n 1 "$work/probe-access.log" | cut -d' ' -f4) == r ]] || break
  capacity=$((capacity + 1))
done
stop_nginx
log "calibration: shared:SSL:$zone holds $capacity sessions"

# --- 5. the visit trace: Poisson visits per client, compressed time -----------------------------
awk -v n="$clients" -v r="$rate" -v d="$duration" -v seed="$seed" 'BEGIN {
  srand(seed)
  for (c = 1; c <= n; c++) { t = 0; while (1) { t += -log(1 - rand()) / r; if (t >= d) break; printf "%.3f,c%d,localhost\n", t, c } }
}' | sort -t, -k1,1n >"$work/planned.csv"
log "trace: $(wc -l <"$work/planned.csv") planned visits of $clients clients over ${duration}s"

# --- 6. drive nginx through the trace -----------------------------------------------------------
# Connections run one after another at their planned times (late ones at once); the replay uses the
# times nginx logged, so a late connection shifts both sides alike.
write_conf access.log "$timeout"
start_nginx
begin=$EPOCHREALTIME
while IFS=, read -r at client _; do
  wait_s=$(awk -v b="$begin" -v a="$at" -v now="$EPOCHREALTIME" 'BEGIN { w = b + a - now; printf "%.3f", (w > 0 ? w : 0) }')
  [[ $wait_s != 0.000 ]] && sleep "$wait_s"
  connect "$client" "$work/sessions"
done <"$work/planned.csv"
late=$(awk -v b="$begin" -v now="$EPOCHREALTIME" -v d="$duration" 'BEGIN { printf "%.1f", now - b - d }')
stop_nginx
log "driven: $(wc -l <"$work/access.log") connections logged; finished ${late}s after the planned end"

# --- 7. import the log and replay it in ResumeSim -------------------------------------------------
cli=(dotnet run --project "$root/src/ResumeSim.Cli" -c Release --)
"${cli[@]}" import-nginx "$work/access.log" --out "$work/import" | tee "$work/import.txt"
observed=$(sed -n 's/^observed resumption rate: \([0-9.]*\).*/\1/p' "$work/import.txt")
last=$(tail -n 1 "$work/import/trace.csv" | cut -d, -f1)
run_for=$(awk -v l="$last" 'BEGIN { printf "%d", l + 60 }')
# nginx stores expire = now_s + timeout and serves a session while expire > now_s, both whole
# seconds, so a session created at fraction f of a second lives timeout - f: timeout - 0.5 s on average.
sim_timeout_ms=$((timeout * 1000 - 500))
cat >"$work/replay.yaml" <<YAML
# Written by validation/nginx/run.sh: the connections nginx logged, replayed with the nginx preset.
name: nginx-replay
description: Replay of a real nginx run (shared:SSL:$zone = $capacity sessions, timeout ${timeout}s)
seed: 1
duration: ${run_for}s
clients:
  trace: import/trace.csv
  rtt: {fixed: 1ms}
  mix:
    - {client: openssl, share: 1.0}
tls: {version: "1.2", certificate: ecdsa-p256}
farm: {servers: 1, cores: 1, balancer: round-robin}
costs: {fixed: 0}
strategies:
  - name: nginx
    session_ids: {preset: nginx, capacity: $capacity, timeout: ${sim_timeout_ms}ms}
output: {bucket: ${run_for}s}
YAML
folder=$("${cli[@]}" run "$work/replay.yaml" --out "$work/results" --quiet | tail -n 1)
simulated=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "resumption_rate") col = i; next } $1 == "nginx" { print $col; exit }' "$folder/summary.csv")

# --- 8. the comparison -----------------------------------------------------------------------------
awk -v o="$observed" -v s="$simulated" -v tol="$tolerance" -v cap="$capacity" -v z="$zone" -v t="$timeout" 'BEGIN {
  printf "nginx shared:SSL:%s (%d sessions), ssl_session_timeout %ss\n", z, cap, t
  printf "  nginx     resumption rate %.4f\n  ResumeSim resumption rate %.4f\n  difference %+.2f percentage points (target within %.0f)\n", o, s, 100 * (s - o), 100 * tol
  exit ((s - o) <= tol && (o - s) <= tol ? 0 : 1)
}'
