#!/bin/bash
# Which types a resumesim command allocates (docs/performance.md, "Where a large run's time goes"):
#   bash benchmarks/alloc-profile/run.sh bench scale FILE --clients 1000000 --mode serial --isolate thread
# Builds the JIT build of resumesim and a startup hook that counts the runtime's allocation ticks by
# type, runs the command with the hook loaded, and prints the types to stderr when it exits. The
# installed tool is compiled with Native AOT, which raises no runtime events, so the JIT build is used.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build "$root/src/ResumeSim.Cli" -c Release --nologo -v quiet >/dev/null
dotnet build "$here/AllocationHook.csproj" -c Release --nologo -v quiet -o "$out" >/dev/null
cd "$root"
DOTNET_STARTUP_HOOKS="$out/AllocationHook.dll" dotnet "$root/src/ResumeSim.Cli/bin/Release/net10.0/resumesim.dll" "$@"
