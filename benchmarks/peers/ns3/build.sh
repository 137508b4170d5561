#!/usr/bin/env bash
# Compiles the ns-3 peer with the system g++ against Debian's libns3-dev, into OUT (default
# benchmarks/peers/build/, not committed). Rebuilds only when the source is newer than the binary.
#   benchmarks/peers/ns3/build.sh [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../build}
mkdir -p "$out"
binary=$out/resumption-farm-ns3
source=$here/resumption-farm.cc
if [[ -x $binary && $binary -nt $source ]]; then
  echo "$binary"
  exit 0
fi
if [[ ! -f /usr/include/ns3/simulator.h ]]; then
  echo "ns3 peer: ns-3 is not installed (apt-get install libns3-dev)" >&2
  exit 3
fi
# ns-3's pkg-config file adds include paths the core does not need; its core library is all we link.
g++ -std=c++17 -O2 -DNDEBUG -o "$binary.tmp" "$source" -lns3-core
mv "$binary.tmp" "$binary"
echo "$binary"
