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
sides=() reps=() jobs=1 extra=() only=()
while (( $# )); do
  case $1 in
    --replications) [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || { echo "identical: --replications needs a number" >&2; exit 2; }
                    reps=(--replications "$2"); shift 2 ;;
    --jobs) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || { echo "identical: --jobs needs a number of at least 1" >&2; exit 2; }
            jobs=$2; shift 2 ;;
    --scenario) [[ $# -ge 2 && -f $here/scenarios/$2.yaml ]] || { echo "identical: --scenario needs the name of a file in scenarios/ (without .yaml)" >&2; exit 2; }
                only+=("$2"); shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "identical: unknown option $1" >&2; exit 2 ;;
    *) sides+=("$(realpath "$1")"); shift ;;
  esac
done
(( ${#sides[@]} == 2 )) || { echo "usage: validation/identical/binaries.sh A B [--scenario NAME]... [--replications N] [--jobs N] [-- RUN-OPTION...]" >&2; exit 2; }
for exe in "${sides[@]}"; do
  [[ -f $exe ]] || { echo "identical: no file '$exe'" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_one() { # name side-index: one side's run of one scenario; a file marks a failure
  local name=$1 i=$2 exe=${sides[$2]} start
  local cmd=("$exe")
  [[ $exe == *.dll ]] && cmd=(dotnet "$exe")
  start=$(date +%s)
  "${cmd[@]}" run "$here/scenarios/$name.yaml" --out "$work/out$i" --quiet "${reps[@]}" "${extra[@]}" >/dev/null \
    || { echo "$name: the run of ${sides[$i]} failed" >&2; touch "$work/failed-$name"; return; }
  printf '%s side %s %ss\n' "$name" "$i" $(( $(date +%s) - start ))
}

names=()
for f in "$here"/scenarios/*.yaml; do
  name=$(basename "$f" .yaml)
  [[ $name == scale-10m ]] && continue
  (( ${#only[@]} == 0 )) || [[ " ${only[*]} " == *" $name "* ]] || continue
  names+=("$name")
  for i in 0 1; do
    while (( $(jobs -rp | wc -l) >= jobs )); do wait -n || true; done
    run_one "$name" "$i" &
  done
done
wait

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

status=0 compared=0
for name in "${names[@]}"; do
  [[ -e "$work/failed-$name" ]] && { status=1; continue; }
  a=$(ls -d "$work/out0/$name"/*/ | head -n 1) b=$(ls -d "$work/out1/$name"/*/ | head -n 1)
  while IFS= read -r file; do
    rel=${file#"$a"}
    if [[ ! -f $b$rel ]]; then echo "$name: $rel only from A"; status=1
    elif [[ $rel == run.json || $rel == report.html ]]; then
      if ! cmp -s <(masked "$file" "$work/out0") <(masked "$b$rel" "$work/out1"); then
        echo "$name: $rel differs beyond the run's time and folder:"
        diff <(masked "$file" "$work/out0" | sed 's/></>\n</g') <(masked "$b$rel" "$work/out1" | sed 's/></>\n</g') | head -n 8 | cut -c1-200
        status=1
      fi
    elif ! cmp -s "$file" "$b$rel"; then echo "$name: $rel differs"; status=1; fi
    compared=$((compared + 1))
  done < <(find "$a" -type f | sort)
  while IFS= read -r file; do
    rel=${file#"$b"}
    [[ -f $a$rel ]] || { echo "$name: $rel only from B"; status=1; }
  done < <(find "$b" -type f | sort)
done
if (( status == 0 )); then echo "identical: all $compared files of ${#names[@]} scenarios match (${sides[0]} vs ${sides[1]})"; fi
exit $status
