#!/usr/bin/env bash
# The zone-size and worker experiments of docs/validation.md ("Real nginx"): run.sh at
# shared:SSL:32k, 64k, 256k and 1m, each with a trace whose clients outnumber what the zone holds,
# and with `ssl_session_cache builtin` in 2 workers (with and without `listen ... reuseport`).
# Each zone's trace is sized so the zone's capacity and the timeout both decide misses: the zone
# holds about 40-80% of the sessions the timeout would keep (the "-full" runs of 256k and 1m make
# more new sessions per timeout, so their zones are full most of the time). The builtin traces are long (about
# 9,600 connections) because which worker takes a connection is the coin that decides most misses.
# `--measure-only` drives nginx only, `--replay-only` replays earlier measurements; without either it
# does both. Tags after the option pick runs (default: all). Results: work/<tag>/ and
# work/<tag>-<mode>.txt per run; each replay ends with a "result" line.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mode=()
case "${1:-}" in
  --measure-only|--replay-only) mode=("$1"); shift ;;
  --*) echo "zones.sh: options are --measure-only or --replay-only, then tags" >&2; exit 2 ;;
esac
only=("$@")
# tag       run.sh options (the fill must exceed the zone's capacity; its oldest fill-sequential
#           sessions are stored one at a time because the capacity boundary lies among them)
runs=(
  "zone-32k  --zone 32k  --clients 200  --rate 0.02  --timeout 60  --duration 300  --fill 300  --fill-sequential 300 --lanes 2"
  "zone-64k  --zone 64k  --clients 500  --rate 0.016 --timeout 40  --duration 300  --fill 400  --fill-sequential 400 --lanes 2"
  "zone-256k --zone 256k --clients 2000 --rate 0.004 --timeout 120 --duration 480  --fill 900  --fill-sequential 500 --lanes 2"
  "zone-1m   --zone 1m   --clients 8000 --rate 0.001 --timeout 480 --duration 1200 --fill 3000 --fill-sequential 600 --lanes 2"
  "zone-256k-full --zone 256k --clients 3000  --rate 0.003  --timeout 180 --duration 600  --fill 900  --fill-sequential 500 --lanes 2 --port 18444"
  "zone-1m-full   --zone 1m   --clients 16000 --rate 0.0006 --timeout 600 --duration 1500 --fill 3000 --fill-sequential 600 --lanes 2 --port 18444"
  "builtin-2w           --cache builtin --workers 2             --clients 800 --rate 0.01 --timeout 120 --duration 1200 --lanes 2"
  "builtin-2w-reuseport --cache builtin --workers 2 --reuseport --clients 800 --rate 0.01 --timeout 120 --duration 1200 --lanes 2"
)
status=0
suffix=${mode[0]:-all}; suffix=${suffix#--}
for run in "${runs[@]}"; do
  read -r tag options <<<"$run"
  if (( ${#only[@]} > 0 )) && [[ ! " ${only[*]} " == *" $tag "* ]]; then continue; fi
  # shellcheck disable=SC2086
  "$here/run.sh" --tag "$tag" $options "${mode[@]}" 2>&1 | tee "$here/work/$tag-$suffix.txt" || status=1
done
exit $status
