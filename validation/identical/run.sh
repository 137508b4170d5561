#!/usr/bin/env bash
# Proves that a change moves no number: builds two commits of this repository, runs every shipped
# scenario (scale-10m excepted, a throughput benchmark) with each, and diffs every result table.
#
#   validation/identical/run.sh BASE [HEAD] [--scenario NAME]... [--replications N] [--jobs N]
#
# BASE and HEAD are anything `git rev-parse` takes (HEAD defaults to the working tree's HEAD).
# --scenario NAME (repeatable) runs only scenarios/NAME.yaml. --replications N overrides every
# scenario's replications on both sides, for a faster check while working; the full check runs each
# scenario as shipped. --jobs N runs up to N scenario runs at once (default 1); runs are independent
# processes and deterministic, so the tables do not depend on it.
# Exits 0 when every table of every scenario is byte-identical, 1 naming the files that differ,
# 2 on bad arguments.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
source "$here/validation/identical/common.sh"
labels=(base head)
commits=()
while (( $# )); do
  case $1 in
    --replications|--jobs|--scenario) shared_option "$1" "${2-}"; shift 2 ;;
    -*) usage_error "unknown option $1" ;;
    *) commits+=("$1"); shift ;;
  esac
done
(( ${#commits[@]} == 1 || ${#commits[@]} == 2 )) \
  || usage_error "usage: validation/identical/run.sh BASE [HEAD] [--scenario NAME]... [--replications N] [--jobs N]"
shas=()
for commit in "${commits[0]}" "${commits[1]:-HEAD}"; do
  sha=$(git -C "$here" rev-parse --verify --quiet "$commit^{commit}") || usage_error "no commit '$commit'"
  shas+=("$sha")
done

work=$(mktemp -d)
cleanup() {
  for side in 0 1; do git -C "$here" worktree remove --force "$work/src$side" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for side in 0 1; do
  git -C "$here" worktree add --detach "$work/src$side" "${shas[$side]}" >/dev/null 2>&1
  dotnet build "$work/src$side/src/ResumeSim.Cli" -c Release -o "$work/bin$side" -v quiet -nologo >/dev/null \
    || { echo "identical: ${labels[$side]} (${shas[$side]}) does not build" >&2; exit 1; }
done

# Each side runs its own copy of a scenario, so a scenario file the change edits shows up as a
# difference too.
run_one() {
  local name=$1 side=$2 start
  local scenario="$work/src$side/scenarios/$name.yaml"
  [[ -f $scenario ]] || { echo "$name: not shipped at ${labels[$side]}"; touch "$work/failed-$name"; return; }
  start=$(date +%s)
  dotnet "$work/bin$side/resumesim.dll" run "$scenario" --out "$work/out$side" --quiet "${reps[@]}" >/dev/null \
    || { echo "$name: the ${labels[$side]} run failed" >&2; touch "$work/failed-$name"; return; }
  printf '%s %s %ss\n' "$name" "${labels[$side]}" $(( $(date +%s) - start ))
}

same_file() {
  cmp -s "$3" "$4" || { echo "$1: $2 differs"; return 1; }
}

# The scenarios are those shipped at HEAD.
run_both "$work/src1/scenarios"
compare_runs -name '*.csv'
if (( status == 0 )); then echo "identical: every table of every scenario is byte-identical (${shas[0]} vs ${shas[1]})"; fi
exit $status
