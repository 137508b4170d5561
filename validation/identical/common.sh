# Sourced by run.sh and binaries.sh: the options they share, the runs of both sides and the
# comparison of the two runs' folders. The sourcing script sets `here` (the repository), `work` (its
# scratch folder) and `labels` (what to call side 0 and side 1), and defines
#   run_one NAME SIDE        one side's run of scenarios/NAME.yaml into $work/outSIDE
#   same_file NAME REL FILE0 FILE1  whether two files of a run of NAME count as the same (status
#                            0), saying why not

reps=() jobs=1 only=() names=()

usage_error() { echo "identical: $1" >&2; exit 2; }

# shared_option OPTION VALUE: takes --replications, --jobs or --scenario; status 1 for anything else.
shared_option() {
  case $1 in
    --replications) [[ ${2-} =~ ^[0-9]+$ ]] || usage_error "--replications needs a number"
                    reps=(--replications "$2") ;;
    --jobs) [[ ${2-} =~ ^[1-9][0-9]*$ ]] || usage_error "--jobs needs a number of at least 1"
            jobs=$2 ;;
    --scenario) [[ -n ${2-} && -f $here/scenarios/$2.yaml ]] || usage_error "--scenario needs the name of a file in scenarios/ (without .yaml)"
                only+=("$2") ;;
    *) return 1 ;;
  esac
}

# run_both FOLDER: runs each scenario of FOLDER (scale-10m, a throughput benchmark, excepted; only
# those named by --scenario when given) on both sides, up to --jobs runs at once. A failed run leaves
# $work/failed-NAME behind.
run_both() {
  local f name side
  for f in "$1"/*.yaml; do
    name=$(basename "$f" .yaml)
    [[ $name == scale-10m ]] && continue
    (( ${#only[@]} == 0 )) || [[ " ${only[*]} " == *" $name "* ]] || continue
    names+=("$name")
    for side in 0 1; do
      while (( $(jobs -rp | wc -l) >= jobs )); do wait -n || true; done
      run_one "$name" "$side" &
    done
  done
  wait
}

# compare_runs FIND-TEST...: compares, scenario by scenario, the files of side 0's run that the find
# test selects with side 1's, names every difference, and sets `status` (0 when all match) and
# `compared` (files compared).
compare_runs() {
  local name a b file rel
  status=0 compared=0
  for name in "${names[@]}"; do
    [[ -e "$work/failed-$name" ]] && { status=1; continue; }
    a=$(ls -d "$work/out0/$name"/*/ | head -n 1) b=$(ls -d "$work/out1/$name"/*/ | head -n 1)
    while IFS= read -r file; do
      rel=${file#"$a"}
      if [[ ! -f $b$rel ]]; then echo "$name: $rel only from ${labels[0]}"; status=1
      elif ! same_file "$name" "$rel" "$file" "$b$rel"; then status=1; fi
      compared=$((compared + 1))
    done < <(find "$a" "$@" | sort)
    while IFS= read -r file; do
      rel=${file#"$b"}
      [[ -f $a$rel ]] || { echo "$name: $rel only from ${labels[1]}"; status=1; }
    done < <(find "$b" "$@" | sort)
  done
}
