#!/usr/bin/env bash
# Times ML-KEM-768 keygen / encaps / decaps on this machine (docs/costs.md, "Post-quantum hybrid key
# exchange"). Debian 12's OpenSSL 3.0 has no ML-KEM, so this builds the pq-crystals implementation
# (github.com/pq-crystals/kyber, branch `standard`, which implements FIPS 203 ML-KEM) with gcc: the
# AVX2 build when the CPU has AVX2, and the portable reference build, each linked with bench.c.
#
#   validation/mlkem/run.sh KYBER_CHECKOUT [--core C]
#
# KYBER_CHECKOUT is a checkout of that repository at its `standard` branch, e.g.
#   git clone -b standard https://github.com/pq-crystals/kyber /tmp/kyber
# Nothing of it is copied into this repository; the binaries go to a temporary folder.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ $# -ge 1 && -d $1/ref ]] || { sed -n '2,12p' "$0"; exit 2; }
kyber=$(cd "$1" && pwd); shift
core=1
[[ ${1:-} == --core ]] && core=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "# $(git -C "$kyber" log -1 --format='pq-crystals/kyber %h %cs %s' 2>/dev/null || echo "pq-crystals/kyber (not a git checkout)")"
echo "# $(gcc --version | head -1); $(uname -srm); $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
ref=(kem.c indcpa.c polyvec.c poly.c ntt.c cbd.c reduce.c verify.c fips202.c symmetric-shake.c randombytes.c)
(cd "$kyber/ref" && gcc -O3 -fomit-frame-pointer -march=native -DKYBER_K=3 -I. "${ref[@]}" "$here/bench.c" -o "$out/ref")
echo "## ref (portable C), gcc -O3 -march=native"
taskset -c "$core" "$out/ref"
if grep -qw avx2 /proc/cpuinfo; then
  avx2=(kem.c indcpa.c polyvec.c poly.c fq.S shuffle.S ntt.S invntt.S basemul.S consts.c rejsample.c cbd.c verify.c
        fips202.c fips202x4.c symmetric-shake.c keccak4x/KeccakP-1600-times4-SIMD256.c randombytes.c)
  (cd "$kyber/avx2" && gcc -O3 -fomit-frame-pointer -mavx2 -mbmi2 -mpopcnt -march=native -z noexecstack -DKYBER_K=3 -I. "${avx2[@]}" "$here/bench.c" -o "$out/avx2")
  echo "## avx2, gcc -O3 -mavx2 -mbmi2 -march=native"
  taskset -c "$core" "$out/avx2"
fi
