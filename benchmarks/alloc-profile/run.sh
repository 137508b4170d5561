#!/bin/bash
# Which types a resumesim command allocates (docs/performance.md, "Where a large run's time goes"):
#   bash benchmarks/alloc-profile/run.sh bench scale FILE --clients 1000000 --mode serial --isolate thread
# Builds the JIT build of resumesim and StartupHook.cs, a .NET startup hook that counts the runtime's
# allocation ticks by type, runs the command with the hook loaded (resumesim itself is unchanged), and
# the hook prints the types to stderr when the process exits. The installed tool is compiled with
# Native AOT, which raises no runtime events, so the JIT build is used. The hook's project is written
# to a temporary directory, as first-touch/run.sh compiles its C: the repository's projects are the
# product's and its tests'.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat > "$out/AllocationHook.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$here/StartupHook.cs" />
  </ItemGroup>
</Project>
PROJECT
dotnet build "$root/src/ResumeSim.Cli" -c Release --nologo -v quiet >/dev/null
dotnet build "$out/AllocationHook.csproj" -c Release --nologo -v quiet -o "$out/bin" >/dev/null
cd "$root"
DOTNET_STARTUP_HOOKS="$out/bin/AllocationHook.dll" dotnet "$root/src/ResumeSim.Cli/bin/Release/net10.0/resumesim.dll" "$@"
