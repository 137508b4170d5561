# Shared by measure.sh and check.sh (sourced, not run): Debian's nginx on loopback with one worker
# pinned to one core, read from the kernel. Writes only under $work; stops only the nginx it started.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

server_core=1        # the nginx worker runs here (worker_cpu_affinity)
client_core=0        # the load generator runs here (taskset)
python=/usr/bin/python3

# --- packages: nginx-light, openssl, python3 (all Debian's, all on OpenSSL 3.0) ---------------------
ensure_packages() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [[ -x $python ]] || missing+=(python3)
  if ((${#missing[@]})); then
    log "installing ${missing[*]} (Debian packages)"
    local as_root=(); [[ $(id -u) -ne 0 ]] && as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
}

# --- certificates: self-signed, one certificate each (no intermediates) ------------------------------
make_certificates() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
    -keyout "$work/ecdsa-p256.key" -out "$work/ecdsa-p256.pem" 2>/dev/null
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -keyout "$work/rsa-2048.key" -out "$work/rsa-2048.pem" 2>/dev/null
  openssl req -x509 -newkey rsa:4096 -nodes -days 2 -subj /CN=localhost \
    -keyout "$work/rsa-4096.key" -out "$work/rsa-4096.pem" 2>/dev/null
}

# One server block. $1 port, $2 certificate name or "plain", $3 ssl_protocols, $4 tickets on|off,
# $5 ssl_session_cache, $6 ssl_session_timeout (s), $7 ssl_ecdh_curve, $8 access log file.
server_block() {
  local port=$1 cert=$2 protocols=$3 tickets=$4 cache=$5 timeout=$6 curve=$7 access=$8
  if [[ $cert == plain ]]; then
    cat <<CONF
    server {
        server_name localhost;
        listen 127.0.0.1:$port;
        access_log $work/$access resumesim;
        location / { return 200 "ok\n"; }
    }
CONF
    return
  fi
  cat <<CONF
    server {
        server_name localhost;
        listen 127.0.0.1:$port ssl;
        ssl_certificate $work/$cert.pem;
        ssl_certificate_key $work/$cert.key;
        ssl_protocols $protocols;
        ssl_session_tickets $tickets;
        ssl_session_cache $cache;
        ssl_session_timeout ${timeout}s;
        ssl_ecdh_curve $curve;
        access_log $work/$access resumesim;
        location / { return 200 "ok\n"; }
    }
CONF
}

# nginx.conf around the server blocks given on stdin: one worker on $server_core, the import-nginx
# log format, one request per connection (keepalive_timeout 0), as validation/nginx/run.sh does.
write_conf() {
  {
    cat <<CONF
worker_processes 1;
worker_cpu_affinity $(printf '1%0*d' "$server_core" 0);
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
    keepalive_timeout 0;
CONF
    cat
    echo "}"
  } >"$work/nginx.conf"
}

nginx_pid=""
worker_pid=""
start_nginx() {
  mkdir -p "$work/tmp"
  "$nginx_bin" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" -t -q
  "$nginx_bin" -p "$work" -c "$work/nginx.conf" -e "$work/error.log"
  for _ in $(seq 50); do [[ -s "$work/nginx.pid" ]] && break; sleep 0.1; done
  nginx_pid=$(cat "$work/nginx.pid")
  for _ in $(seq 50); do
    worker_pid=$(cat "/proc/$nginx_pid/task/$nginx_pid/children" 2>/dev/null | awk '{ print $1 }')
    [[ -n $worker_pid ]] && break
    sleep 0.1
  done
  [[ -n $worker_pid ]] || { log "no nginx worker appeared"; exit 1; }
  # The worker applies worker_cpu_affinity itself once it has started: wait for it.
  local cpus=""
  for _ in $(seq 50); do
    cpus=$(taskset -pc "$worker_pid" | sed 's/.*: //')
    [[ $cpus == "$server_core" ]] && break
    sleep 0.1
  done
  [[ $cpus == "$server_core" ]] || { log "nginx worker $worker_pid runs on CPUs $cpus, not $server_core"; exit 1; }
  log "nginx master $nginx_pid, worker $worker_pid on CPU $cpus"
}
stop_nginx() {
  if [[ -n "$nginx_pid" ]] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid"   # graceful stop of the master we started (and its worker)
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  nginx_pid=""
}

# The worker's CPU so far: "schedstat_ns utime_ticks stime_ticks". schedstat's first field is the
# scheduler's sum_exec_runtime (ns); stat's fields 14 and 15 are user and system time in clock ticks.
worker_cpu() {
  local run stat
  read -r run _ <"/proc/$worker_pid/schedstat"
  stat=$(sed 's/^.*) //' "/proc/$worker_pid/stat")
  echo "$run $(echo "$stat" | awk '{ print $12, $13 }')"
}

# CPU $server_core's counters from /proc/stat: "busy steal" in clock ticks (busy = user + nice +
# system + irq + softirq), so a batch can say how much else ran on the worker's core.
core_ticks() {
  awk -v c="cpu$server_core" '$1 == c { print $2 + $3 + $4 + $7 + $8, $9 }' /proc/stat
}

load_average() { cut -d' ' -f1 /proc/loadavg; }
