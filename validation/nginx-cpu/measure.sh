#!/usr/bin/env bash
# Server CPU per connection of real nginx, by kind of connection (docs/costs.md, "How the default
# profile was measured"): one nginx worker pinned to one core, a load generator (tlsload.py) pinned
# to the other, one connection at a time, each one HTTP/1.1 request with Connection: close. Each
# round, one connection of every kind in turn for --seconds; the worker's CPU from
# /proc/<pid>/schedstat (ns) and /proc/<pid>/stat (utime, stime) is read between connections, and a
# kind's CPU per connection is what its connections took / their number. Rounds are repeated --reps
# times; the load average and how busy the worker's core was with other work are recorded per
# round. Also times the per-operation costs (ops.c).
#
# Writes work/measure/batches.csv, work/measure/gaps.csv (the same connection with the worker idling
# 0, 10 and 80 ms between connections), work/measure/ops.txt and work/measure/summary.txt (medians
# and ranges, and the profile they imply). Binds only to 127.0.0.1; stops the nginx it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

reps=7
seconds=20
port=19400
work="$here/work/measure"
between=""
usage() { sed -n '2,13p' "$0"; echo "options: --reps N --seconds S --port P (uses P .. P+60) --out DIR (default work/measure)"
          echo "         --between-rounds CMD: run 'CMD ROUND ROUNDS' after each round (check.sh interleaves its trace)"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --out) work=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    --between-rounds) between=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "measure.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

rm -rf "$work"
mkdir -p "$work"
ensure_packages
command -v gcc >/dev/null 2>&1 && [[ -e /usr/include/openssl/ssl.h ]] || {
  log "installing gcc and libssl-dev (Debian packages) for ops.c"
  as_root=(); [[ $(id -u) -ne 0 ]] && as_root=(sudo)
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq gcc libssl-dev >/dev/null
}
make_certificates

# Listeners: plain HTTP (the base), and per certificate TLS 1.2 with session IDs (tickets off, a
# shared cache), TLS 1.2 with tickets (no cache), TLS 1.3 (stateless tickets, OpenSSL's default of
# 2 after a full handshake and 1 after a resumption); all with ssl_ecdh_curve X25519, and ECDSA
# twice more with prime256v1 for the key exchange's cost.
certs=(ecdsa-p256 rsa-2048 rsa-4096)
{
  server_block "$port" plain - - - - - access.log
  for i in 0 1 2; do
    p=$((port + 10 + 10 * i))
    server_block "$p" "${certs[$i]}" TLSv1.2 off shared:SSL:10m 300 X25519 access.log
    server_block $((p + 1)) "${certs[$i]}" TLSv1.2 on none 300 X25519 access.log
    server_block $((p + 2)) "${certs[$i]}" TLSv1.3 on none 300 X25519 access.log
  done
  server_block $((port + 50)) ecdsa-p256 TLSv1.2 off shared:SSL:10m 300 prime256v1 access.log
  server_block $((port + 52)) ecdsa-p256 TLSv1.3 on none 300 prime256v1 access.log
} | write_conf

# kind certificate port mode tls
kinds=("base - $port plain 1.2")
for i in 0 1 2; do
  p=$((port + 10 + 10 * i)); c=${certs[$i]}
  kinds+=("tls12-full-id $c $p full 1.2" "tls12-resumed-id $c $p resume 1.2"
          "tls12-full-ticket $c $((p + 1)) full 1.2" "tls12-resumed-ticket $c $((p + 1)) resume 1.2"
          "tls13-full $c $((p + 2)) full 1.3" "tls13-psk-dhe $c $((p + 2)) resume 1.3")
done
kinds+=("tls12-full-id-p256 ecdsa-p256 $((port + 50)) full 1.2"
        "tls13-full-p256 ecdsa-p256 $((port + 52)) full 1.3" "tls13-psk-dhe-p256 ecdsa-p256 $((port + 52)) resume 1.3")
mixed=()
for entry in "${kinds[@]}"; do
  read -r kind cert p mode tls <<<"$entry"
  mixed+=("$kind@$cert:$p:$mode:$tls")
done

trap stop_nginx EXIT
trap 'exit 130' INT TERM
start_nginx
{
  echo "# $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'), $(openssl version), $($python -c 'import ssl; print("python ssl", ssl.OPENSSL_VERSION)')"
  echo "# $(uname -srm); $(nproc) CPUs: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ); worker on CPU $server_core, client on CPU $client_core; $reps rounds of ${seconds}s, kinds in turn"
  echo "kind,certificate,round,connections,resumed,failed,round_s,cpu_ns,utime_ticks,stime_ticks,core_busy_ticks,core_steal_ticks,load1"
} >"$work/batches.csv"

# Each round, one connection of each kind in turn for --seconds (tlsload.py mix), as a server with
# mixed traffic sees them; the worker's CPU is read between connections and each connection gets
# the CPU up to the next one's start (its close and access log line included).
for round in $(seq "$reps"); do
  log "round $round of $reps"
  load=$(load_average)
  read -r busy0 steal0 <<<"$(core_ticks)"
  taskset -c "$client_core" "$python" "$here/tlsload.py" mix "$seconds" "$worker_pid" "${mixed[@]}" >"$work/round.txt"
  read -r busy1 steal1 <<<"$(core_ticks)"
  while read -r name n resumed failed cpu ut st; do
    echo "${name%@*},${name#*@},$round,$n,$resumed,$failed,$seconds,$cpu,$ut,$st,$((busy1 - busy0)),$((steal1 - steal0)),$load"
  done <"$work/round.txt" >>"$work/batches.csv"
  [[ -n $between ]] && $between "$round" "$reps"
done

# How much more a connection costs when the worker idles between connections (a sparse load on a
# machine shared with other work, whose tasks run in the gaps): TLS 1.2 ECDSA full handshakes
# back to back and with the client waiting 10 and 80 ms after each, interleaved, 3 rounds.
echo "gap_ms,round,connections,cpu_ns" >"$work/gaps.csv"
for round in 1 2 3; do
  for gap in 0 0.01 0.08; do
    read -r n _ _ _ cpu _ <<<"$(taskset -c "$client_core" "$python" "$here/tlsload.py" \
      batch full $((port + 10)) --tls 1.2 --seconds 4 --pid "$worker_pid" --gap "$gap")"
    echo "$(awk -v g="$gap" 'BEGIN { print g * 1000 }'),$round,$n,$cpu" >>"$work/gaps.csv"
  done
done
stop_nginx

gcc -O2 -o "$work/ops" "$here/ops.c" -lssl -lcrypto
taskset -c "$server_core" "$work/ops" --reps "$reps" >"$work/ops.txt"
"$python" "$here/summarize.py" "$work/batches.csv" "$work/ops.txt" "$work/gaps.csv" | tee "$work/summary.txt"
