#!/usr/bin/env bash
# Proves that two builds of the same source compute the same results: runs every shipped scenario
# (scale-10m excepted, a throughput benchmark) with each of two resumesim executables, for example
# the JIT build and the Native AOT tool, and compares every file of the two runs.
#
#   validation/identical/binaries.sh A B [--scenario NAME]... [--replications N] [--jobs N] [-- RUN-OPTION...]
#
# A and B are each a native executable or a resumesim.dll (run through `dotnet`). --scenario NAME
# (repeatable) runs only scenarios/NAME.yaml instead of every shipped scenario. Options after
# `--` go to every `resumesim run` (for example --no-charts). Result tables, scenario.yaml and the
# charts must be byte-identical; run.json and report.html must be identical once the run's own
# facts are masked: its start time, wall time, folder name and the --out folder in its command line.
# Exits 0 when everything matches, 1 naming what differs, 2 on bad arguments.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
source "$here/validation/identical/common.sh"
labels=(A B)
sides=() extra=()
while (( $# )); do
  case $1 in
    --replications|--jobs|--scenario) shared_option "$1" "${2-}"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -*) usage_error "unknown option $1" ;;
    *) sides+=("$(realpath "$1")"); shift ;;
  esac
done
(( ${#sides[@]} == 2 )) \
  || usage_error "usage: validation/identical/binaries.sh A B [--scenario NAME]... [--replications N] [--jobs N] [-- RUN-OPTION...]"
for exe in "${sides[@]}"; do
  [[ -f $exe ]] || usage_error "no file '$exe'"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_one() {
  local name=$1 side=$2 exe=${sides[$2]} start
  local cmd=("$exe")
  [[ $exe == *.dll ]] && cmd=(dotnet "$exe")
  start=$(date +%s)
  "${cmd[@]}" run "$here/scenarios/$name.yaml" --out "$work/out$side" --quiet "${reps[@]}" "${extra[@]}" >/dev/null \
    || { echo "$name: the run of $exe failed" >&2; touch "$work/failed-$name"; return; }
  printf '%s side %s %ss\n' "$name" "${labels[$side]}" $(( $(date +%s) - start ))
}

# The facts of the run itself, which differ between any two runs of the same build: the start time
# (report.html also shows it to the minute, in its title), the wall time, the run's folder name.
masked() { # file out-folder
  local wall
  wall=$(sed -nE 's/^  "wall_seconds": ([0-9.eE+-]+),?$/\1/p' "$(dirname "$1")/run.json")
  sed -E -e "s#$2#OUT#g" -e 's#[0-9]{8}-[0-9]{6}-s[0-9]+#RUN#g' \
    -e 's#"started_utc": "[^"]*"#"started_utc": T#' -e 's#"wall_seconds": [0-9.eE+-]+#"wall_seconds": W#' \
    -e 's#[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}(:[0-9]{2})?( [+-][0-9]{2}:[0-9]{2})?#TIME#g' \
    -e "s#<code>$wall s</code>#<code>W s</code>#g" "$1"
}

same_file() {
  local name=$1 rel=$2
  if [[ $rel == run.json || $rel == report.html ]]; then
    cmp -s <(masked "$3" "$work/out0") <(masked "$4" "$work/out1") && return 0
    echo "$name: $rel differs beyond the run's time and folder:"
    diff <(masked "$3" "$work/out0" | sed 's/></>\n</g') <(masked "$4" "$work/out1" | sed 's/></>\n</g') | head -n 8 | cut -c1-200
    return 1
  fi
  cmp -s "$3" "$4" || { echo "$name: $rel differs"; return 1; }
}

run_both "$here/scenarios"
compare_runs -type f
if (( status == 0 )); then echo "identical: all $compared files of ${#names[@]} scenarios match (${sides[0]} vs ${sides[1]})"; fi
exit $status
