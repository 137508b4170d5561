#!/usr/bin/env bash
# Scale-out on a real scheduler (docs/scale-out.md "Slurm"): stand up a one-node Slurm cluster from
# Debian's slurm-wlm and munge on this machine (no systemd needed), submit a shipped sweep as a job
# array of deploy/slurm/shard.sbatch (one shard per task) and deploy/slurm/merge.sbatch as a job
# depending on it (afterok), wait, check every job's final state and output, then compare the merged
# tables with the same sweep run on this machine in one process: byte-identical, or it names the file.
#
#   validation/slurm/run.sh [--fail-one] [--no-build] [--shards N] [--keep]
#
# --fail-one   task 2 fails on purpose (a stand-in for a crashed node); the script must say so and
#              exit 3, and the merge must be cancelled, not left pending.
# --no-build   use the existing Release build of src/ResumeSim.Cli (CI has just built it).
# --shards N   the array's size, 1 to 8 (default 4; the sweep has 8 runs).
# --keep       keep the scratch folder (configuration, logs, shards, results) for inspection.
#
# Exit: 0 all good; 3 a job did not complete or an output is missing or differs; 1 the cluster
# could not be set up; 2 bad usage. Needs root (daemons, apt-get when the packages are missing).
# Everything lives in one scratch folder under /tmp, the daemons use their own free ports and their
# own munge socket, and only the daemons started here are stopped (by their pid files), on any exit.
set -euo pipefail

scenario=scenarios/tls13-ticket-depletion.yaml   # 2 sweep points x 4 strategies
run_options=(--replications 1)                   # 8 runs of about 1 s each: well under a minute
shards=4
fail_one=0
build=1
keep=0
wait_limit=120   # seconds for the jobs; the sweep takes about 15 s on 2 cores

while [[ $# -gt 0 ]]; do
  case "$1" in
    --fail-one) fail_one=1; shift ;;
    --no-build) build=0; shift ;;
    --shards) shards=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$shards" =~ ^[1-9][0-9]*$ ]] || (( fail_one && shards < 2 )); then
  echo "run.sh: --shards takes a whole number >= 1 (>= 2 with --fail-one)" >&2
  exit 2
fi

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
dll="$repo/src/ResumeSim.Cli/bin/Release/net10.0/resumesim.dll"

# Timing: every step prints its wall time when the next begins; cleanup prints them all again.
t_start=$(date +%s.%N)
t_step=$t_start
step_name=""
timings=()
end_step() {
  [ -n "$step_name" ] || return 0
  local now took
  now=$(date +%s.%N)
  took=$(awk -v a="$t_step" -v b="$now" 'BEGIN { printf "%.1f", b - a }')
  echo "  ($took s)"
  timings+=("$step_name $took s")
  t_step=$now
  step_name=""
}
step() {  # step SHORT_NAME DESCRIPTION
  end_step
  step_name=$1
  printf '== %s\n' "$2"
}
fail() { echo "FAIL: $*" >&2; exit 3; }
die() { echo "error: $*" >&2; exit 1; }
elapsed() { awk -v a="$t_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

if [ "$(id -u)" != 0 ]; then
  die "needs root: it starts munged and the Slurm daemons (and installs them with apt-get when missing)"
fi

work=""
ctld_pid=""
slurmd_pid=""
munged_pid=""
submitted=()

read_pid() { [ -s "$1" ] && cat "$1" || true; }

stop_pids() {  # stop_pids NAME=PID...: TERM to all at once, then KILL what is left after 10 s; only pids started here
  local entry pid i left
  for entry in "$@"; do
    pid=${entry#*=}
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  done
  for i in $(seq 1 100); do
    left=""
    for entry in "$@"; do
      pid=${entry#*=}
      [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && left="$left $entry"
    done
    [ -z "$left" ] && return 0
    sleep 0.1
  done
  echo "warning:$left ignored SIGTERM for 10 s; sending SIGKILL" >&2
  for entry in $left; do kill -KILL "${entry#*=}" 2>/dev/null || true; done
}

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  end_step
  step_name=stop
  if [ -n "$work" ]; then
    # Jobs first, while slurmctld can still cancel them: a job left running would outlive slurmd.
    if [ ${#submitted[@]} -gt 0 ] && [ -n "$(read_pid "$work/run/slurmctld.pid")" ]; then
      scancel "${submitted[@]}" 2>/dev/null
      for _ in $(seq 1 50); do
        [ -z "$(squeue -h -j "$(IFS=,; echo "${submitted[*]}")" -o %i 2>/dev/null)" ] && break
        sleep 0.2
      done
    fi
    # Pid files are read again here: the daemons fork, and a pid is known only once they wrote it.
    stop_pids "slurmd=${slurmd_pid:-$(read_pid "$work/run/slurmd.pid")}" "slurmctld=${ctld_pid:-$(read_pid "$work/run/slurmctld.pid")}"
    # munged last: the Slurm daemons sign their last messages with it.
    stop_pids "munged=${munged_pid:-$(read_pid "$work/munge/munged.pid")}"
    # Anything still running that names the scratch folder was started by this script (a job step
    # whose slurmd is gone): list it and stop it by pid.
    local left
    left=$(pgrep -f -- "$work/" || true)
    if [ -n "$left" ]; then
      echo "warning: stopping processes left behind: $(echo $left)" >&2
      stop_pids $(for pid in $left; do echo "leftover=$pid"; done)
    fi
    if (( keep )); then
      echo "scratch folder kept: $work"
    else
      rm -rf "$work"
    fi
  fi
  echo "== stopped the daemons started here; nothing of this run is left running"
  end_step
  echo "timings: $(IFS=,; echo "${timings[*]}" | sed 's/,/, /g'); total $(elapsed) s"
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "interrupted: cancelling the jobs and stopping the daemons" >&2; exit 130' INT
trap 'echo "terminated: cancelling the jobs and stopping the daemons" >&2; exit 143' TERM

work=$(mktemp -d /tmp/resumesim-slurm.XXXXXX)
chmod 755 "$work"   # munged runs as the munge user and must reach its own folder inside

step install "install slurm-wlm and munge"
if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null && command -v sbatch >/dev/null; then
  echo "  already installed"
else
  command -v apt-get >/dev/null || die "slurm-wlm and munge are missing and there is no apt-get to install them"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      -o DPkg::Lock::Timeout=600 slurm-wlm munge; } >"$work/apt.log" 2>&1 \
    || { tail -20 "$work/apt.log" >&2; die "apt-get install slurm-wlm munge failed"; }
fi
echo "  $(slurmctld -V), $(munged -V 2>&1 | awk '{print $1; exit}')"

step build "build the CLI"
if (( build )); then
  dotnet build src/ResumeSim.Cli -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
    || { tail -30 "$work/build.log" >&2; die "dotnet build failed"; }
fi
[ -f "$dll" ] || die "no build at $dll (run without --no-build)"
echo "  $dll"

step cluster "start munged and a one-node Slurm cluster"
mkdir -p "$work/munge" "$work/etc" "$work/run" "$work/log" "$work/state" "$work/spool" "$work/jobs"
chown munge:munge "$work/munge"
chmod 755 "$work/munge"   # munged needs the socket folder searchable by all
# A key of its own, so this cluster neither needs nor touches /etc/munge or a munged already running.
if command -v mungekey >/dev/null; then
  runuser -u munge -- mungekey --create --keyfile="$work/munge/munge.key" --force
else
  dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
  chown munge:munge "$work/munge/munge.key"
fi
chmod 600 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
# munged refuses to run as root (its log folder would be insecure), so it runs as munge.
runuser -u munge -- munged --socket="$socket" --key-file="$work/munge/munge.key" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed"
munged_pid=$(read_pid "$work/munge/munged.pid")
munge -S "$socket" -n | unmunge -S "$socket" >/dev/null || die "munge does not round-trip a credential (see $work/munge/munged.log)"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p=$1
  while ! port_free "$p" || [ "$p" = "${2:-}" ]; do p=$((p + 1)); done
  echo "$p"
}
ctld_port=$(free_port 16817)
slurmd_port=$(free_port 16818 "$ctld_port")
node=$(hostname -s)
# The node's hardware as slurmd sees it, without RealMemory: the jobs ask for CPUs only.
hardware=$(slurmd -C | head -n 1 | tr ' ' '\n' | grep -E '^(CPUs|Boards|SocketsPerBoard|CoresPerSocket|ThreadsPerCore)=' | paste -sd ' ')
export SLURM_CONF="$work/etc/slurm.conf"
cat >"$SLURM_CONF" <<EOF
# One node on 127.0.0.1: addresses are given so no command waits on name resolution.
ClusterName=resumesim
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
# No cgroups here: the cgroup plugins cannot start a job in this sandbox and drain the node.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# A job whose dependency can never be met (a failed shard) is cancelled instead of pending forever.
DependencyParameters=kill_invalid_depend
# No accounting daemon: sacct does not work, job records are read with scontrol while they last.
JobCompType=jobcomp/filetxt
JobCompLoc=$work/log/jobcomp.txt
MinJobAge=600
MailProg=/bin/true
MpiDefault=none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=resumesim Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -c -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N "$node"
for _ in $(seq 1 100); do
  ctld_pid=$(read_pid "$work/run/slurmctld.pid")
  slurmd_pid=$(read_pid "$work/run/slurmd.pid")
  state=$(sinfo -h -n "$node" -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.2
done
if [ "${state:-}" != idle ]; then
  sinfo -N -l >&2 || true
  tail -5 "$work/log/slurmctld.log" "$work/log/slurmd.log" >&2 || true
  die "node $node is '${state:-not registered}', not idle, after 20 s"
fi
echo "  node $node ($hardware) idle; slurmctld pid $ctld_pid port $ctld_port, slurmd pid $slurmd_pid port $slurmd_port, munged pid $munged_pid"

step submit "submit $scenario as a $shards-task array and the merge after it (afterok)"
# Submitted from the checkout with RESUMESIM unset, as docs/scale-out.md does: the jobs start the
# CLI by the sbatch files' default path, relative to the submit folder.
unset RESUMESIM
job_env=()
if (( fail_one )); then
  # Stands in for a node that dies: task 2 exits 1 before running anything.
  cat >"$work/jobs/fail-task-2.sh" <<EOF
#!/bin/bash
if [ "\${SLURM_ARRAY_TASK_ID:-}" = 2 ]; then echo "--fail-one: task 2 fails on purpose" >&2; exit 1; fi
exec dotnet "$dll" "\$@"
EOF
  chmod +x "$work/jobs/fail-task-2.sh"
  job_env=(RESUMESIM="$work/jobs/fail-task-2.sh")
fi
array=$(env "${job_env[@]}" sbatch --parsable --array="1-$shards" --output="$work/jobs/shard-%A-%a.out" \
  deploy/slurm/shard.sbatch "$scenario" "$work/shards" "${run_options[@]}")
submitted+=("$array")
merge=$(env "${job_env[@]}" sbatch --parsable --dependency="afterok:$array" --output="$work/jobs/merge-%j.out" \
  deploy/slurm/merge.sbatch "$work/shards" "$work/merged")
submitted+=("$merge")
echo "  array job $array (tasks 1-$shards), merge job $merge"

step jobs "wait for the jobs"
deadline=$(( $(date +%s) + wait_limit ))
while [ -n "$(squeue -h -j "$array,$merge" -o %i)" ]; do
  if (( $(date +%s) > deadline )); then
    squeue -j "$array,$merge" >&2 || true
    fail "the jobs did not finish within $wait_limit s"
  fi
  sleep 0.5
done
echo "  the queue is empty"

step check "check every job's final state and output"
# sbatch --wait and an empty queue say nothing about success (a cancelled job ends too): read the
# state and exit code of every task and of the merge.
problems=()
tasks_seen=0
while read -r line; do
  id=$(grep -o 'JobId=[0-9]*' <<<"$line" | head -n 1 | cut -d= -f2)
  task=$(grep -o 'ArrayTaskId=[^ ]*' <<<"$line" | cut -d= -f2 || true)
  jstate=$(grep -o 'JobState=[^ ]*' <<<"$line" | cut -d= -f2)
  code=$(grep -o ' ExitCode=[^ ]*' <<<"$line" | cut -d= -f2)
  reason=$(grep -o 'Reason=[^ ]*' <<<"$line" | cut -d= -f2)
  name=${task:+shard task $task}
  name=${name:-merge job}
  [ -n "$task" ] && tasks_seen=$((tasks_seen + 1))
  if [ "$jstate" = COMPLETED ] && [ "$code" = 0:0 ]; then
    echo "  $name (job $id): COMPLETED, exit $code"
  else
    echo "  $name (job $id): $jstate, exit $code, reason $reason"
    problems+=("$name $jstate ($reason)")
  fi
done < <({ scontrol -o show job "$array" | awk '{ match($0, /ArrayTaskId=[0-9]+/); print substr($0, RSTART + 12, RLENGTH - 12) "\t" $0 }' | sort -n | cut -f2-
           scontrol -o show job "$merge"; } | tee "$work/jobs/states.txt")
(( tasks_seen == shards )) || problems+=("$tasks_seen task records for $shards shards")
if (( ${#problems[@]} > 0 )); then
  for log in "$work"/jobs/*.out; do
    [ -s "$log" ] && { echo "  --- $(basename "$log"):"; sed 's/^/    /' "$log"; }
  done
  fail "$(IFS=';'; echo "${problems[*]}" | sed 's/;/; /g'); nothing was compared"
fi
for k in $(seq 1 "$shards"); do
  folder=$(ls -d "$work"/shards/*/*-shard"${k}of${shards}" 2>/dev/null || true)
  [ -n "$folder" ] && [ -f "$folder/run.json" ] || fail "shard $k/$shards wrote no run folder under $work/shards"
done
merged=$(tail -n 1 "$work/jobs/merge-$merge.out")
[ -f "$merged/run.json" ] || fail "the merge job printed '$merged', which is not a run folder"
echo "  $shards shard folders; merged run $merged"

step single "the same sweep on this machine, one process"
single=$(dotnet "$dll" run "$scenario" --out "$work/single" --quiet "${run_options[@]}" 2>"$work/single.err" | tail -n 1) \
  || { cat "$work/single.err" >&2; fail "the single-machine run failed"; }
echo "  $single"

step compare "compare the merged tables with the single run"
differ=0
for table in scenario.yaml summary.csv summary_ci.csv misses.csv timeseries.csv servers.csv latency.csv; do
  if cmp -s "$single/$table" "$merged/$table"; then
    echo "  $table: identical ($(wc -c <"$merged/$table") bytes)"
  else
    echo "  $table: DIFFERS: $(cmp "$single/$table" "$merged/$table" 2>&1 | head -n 1)" >&2
    differ=$((differ + 1))
  fi
done
(( differ == 0 )) || fail "$differ merged table(s) differ from the single-machine run"
end_step
echo "== done: every job COMPLETED and the merged tables are byte-identical to one machine's"
