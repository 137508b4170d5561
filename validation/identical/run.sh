#!/usr/bin/env bash
# Proves that a change moves no number: builds two commits of this repository, runs every shipped
# scenario (scale-10m excepted, a throughput benchmark) with each, and diffs every result table.
#
#   validation/identical/run.sh BASE [HEAD] [--replications N] [--jobs N]
#
# BASE and HEAD are anything `git rev-parse` takes (HEAD defaults to the working tree's HEAD).
# --replications N overrides every scenario's replications on both sides, for a faster check while
# working; the full check runs each scenario as shipped. --jobs N runs up to N scenario runs at once
# (default 1); runs are independent processes and deterministic, so the tables do not depend on it.
# Exits 0 when every table of every scenario
# is byte-identical, 1 naming the files that differ, 2 on bad arguments.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
base= head=HEAD reps=() jobs=1
while (( $# )); do
  case $1 in
    --replications) [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || { echo "identical: --replications needs a number" >&2; exit 2; }
                    reps=(--replications "$2"); shift 2 ;;
    --jobs) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || { echo "identical: --jobs needs a number of at least 1" >&2; exit 2; }
            jobs=$2; shift 2 ;;
    -*) echo "identical: unknown option $1" >&2; exit 2 ;;
    *) if [[ -z $base ]]; then base=$1; else head=$1; fi; shift ;;
  esac
done
[[ -n $base ]] || { echo "usage: validation/identical/run.sh BASE [HEAD] [--replications N]" >&2; exit 2; }
base_sha=$(git -C "$here" rev-parse --verify "$base^{commit}") || { echo "identical: no commit '$base'" >&2; exit 2; }
head_sha=$(git -C "$here" rev-parse --verify "$head^{commit}") || { echo "identical: no commit '$head'" >&2; exit 2; }

work=$(mktemp -d)
cleanup() {
  for side in base head; do git -C "$here" worktree remove --force "$work/$side" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

build() { # side sha
  git -C "$here" worktree add --detach "$work/$1" "$2" >/dev/null 2>&1
  dotnet build "$work/$1/src/ResumeSim.Cli" -c Release -o "$work/$1-bin" -v quiet -nologo >/dev/null \
    || { echo "identical: $1 ($2) does not build" >&2; exit 1; }
}
build base "$base_sha"
build head "$head_sha"

# The scenarios are those shipped at HEAD; each side runs its own copy, so a scenario file the
# change edits shows up as a difference too.
run_one() { # name side: one side's run of one scenario; a file marks a failure
  local name=$1 side=$2 start
  local scenario="$work/$side/scenarios/$name.yaml"
  [[ -f $scenario ]] || { echo "$name: not shipped at $side"; touch "$work/failed-$name"; return; }
  start=$(date +%s)
  dotnet "$work/$side-bin/resumesim.dll" run "$scenario" --out "$work/out-$side" --quiet "${reps[@]}" >/dev/null \
    || { echo "$name: the $side run failed" >&2; touch "$work/failed-$name"; return; }
  printf '%s %s %ss\n' "$name" "$side" $(( $(date +%s) - start ))
}

names=()
for f in "$work"/head/scenarios/*.yaml; do
  name=$(basename "$f" .yaml)
  [[ $name == scale-10m ]] && continue
  names+=("$name")
  for side in base head; do
    while (( $(jobs -rp | wc -l) >= jobs )); do wait -n || true; done
    run_one "$name" "$side" &
  done
done
wait

status=0
for name in "${names[@]}"; do
  [[ -e "$work/failed-$name" ]] && { status=1; continue; }
  a=$(ls -d "$work/out-base/$name"/*/ | head -n 1) b=$(ls -d "$work/out-head/$name"/*/ | head -n 1)
  while IFS= read -r table; do
    rel=${table#"$a"}
    if [[ ! -f $b$rel ]]; then echo "$name: $rel only at base"; status=1
    elif ! cmp -s "$table" "$b$rel"; then echo "$name: $rel differs"; status=1; fi
  done < <(find "$a" -name '*.csv' | sort)
  while IFS= read -r table; do
    rel=${table#"$b"}
    [[ -f $a$rel ]] || { echo "$name: $rel only at head"; status=1; }
  done < <(find "$b" -name '*.csv' | sort)
done
if (( status == 0 )); then echo "identical: every table of every scenario is byte-identical ($base_sha vs $head_sha)"; fi
exit $status
