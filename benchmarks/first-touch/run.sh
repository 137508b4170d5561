#!/bin/bash
# Builds and runs first-touch.c: bash benchmarks/first-touch/run.sh [MiB] [rounds]
# (docs/performance.md, "Memory touched for the first time").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gcc -O2 -o "$out/first-touch" "$here/first-touch.c"
"$out/first-touch" "${1:-1024}" "${2:-3}" 4k
"$out/first-touch" "${1:-1024}" "${2:-3}" huge
