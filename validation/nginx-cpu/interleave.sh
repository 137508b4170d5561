#!/usr/bin/env bash
# check.sh's turn-taking between the trace (tlsload.py, paused between segments), measure.sh's rounds
# and calibrate's rounds, so that all three see the machine in the same states (docs/validation.md,
# "Real nginx: server CPU"). Files in CONTROL_DIR say whose turn it is.
#   interleave.sh CONTROL_DIR measure ROUNDS ROUND ...  measure.sh's --between-rounds hook: trace
#       segment 2*ROUND-2, calibrate's round ROUND+1 (while there is one), trace segment 2*ROUND-1
#   interleave.sh CONTROL_DIR calibrate ROUNDS ROUND    calibrate's --between-rounds hook: says round
#       ROUND is done and waits for the turn of the next one
set -euo pipefail
control=$1 who=$2 rounds=$3 round=$4
wait_for() { while [[ ! -e $1 ]]; do sleep 0.1; done; }
segment() { touch "$control/go-$1"; wait_for "$control/done-$1"; }
if [[ $who == calibrate ]]; then
  touch "$control/cal-done-$round"
  ((round < rounds)) && wait_for "$control/cal-go-$((round + 1))"
  exit 0
fi
segment $((2 * round - 2))
if ((round < rounds)); then
  touch "$control/cal-go-$((round + 1))"
  wait_for "$control/cal-done-$((round + 1))"
fi
segment $((2 * round - 1))
