#!/usr/bin/env bash
# Cross-builds hcnctl.exe for Windows nodes with Debian's mingw-w64 (g++-mingw-w64-x86-64):
#   scripts/build-windows.sh [--check] OUTDIR [BUILDDIR]
# OUTDIR receives hcnctl.exe, a static PE32+ that loads the OS's computenetwork.dll at run time
# (docs/windows.md). BUILDDIR (default build-windows/) keeps the objects for the next run.
# --check then runs it under Wine (wine64): the offline modes, the embedded engine, and the
# LoadLibraryW/GetProcAddress path against a stub computenetwork DLL (tests/capi/computenetwork_minimal.c).
set -euo pipefail

check=0
if [[ ${1:-} == --check ]]; then
  check=1
  shift
fi
if [[ $# -lt 1 ]]; then
  echo "usage: $0 [--check] OUTDIR [BUILDDIR]" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
build=${2:-$root/build-windows}
mkdir -p "$build"
build=$(cd "$build" && pwd)

for tool in x86_64-w64-mingw32-g++-posix cmake ninja; do
  command -v "$tool" >/dev/null || { echo "build-windows: $tool not found (apt-get install g++-mingw-w64-x86-64 cmake ninja-build)" >&2; exit 1; }
done
# The header-only libraries from the Linux packages, and nothing else of /usr/include.
headers="$build/headers"
mkdir -p "$headers"
for dir in nlohmann spdlog fmt; do
  [[ -d /usr/include/$dir ]] || { echo "build-windows: /usr/include/$dir missing (nlohmann-json3-dev, libspdlog-dev, libfmt-dev)" >&2; exit 1; }
  ln -sfn "/usr/include/$dir" "$headers/$dir"
done

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
started=$SECONDS
cmake -S "$root/cmake/windows" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64.cmake" -DHCN_HEADERS="$headers" "${launcher[@]}" >/dev/null
cmake --build "$build" -j1 --target hcnctl
x86_64-w64-mingw32-strip -o "$out/hcnctl.exe" "$build/hcnctl.exe"
echo "build-windows: $out/hcnctl.exe ($(stat -c %s "$out/hcnctl.exe") bytes) in $((SECONDS - started)) s"

[[ $check == 1 ]] || exit 0

# ---- Under Wine ----
# Debian's wine64 package installs the loader as /usr/lib/wine/wine64 (the `wine` package adds the wrapper).
wine=$(command -v wine64 || command -v wine || true)
[[ -n $wine || ! -x /usr/lib/wine/wine64 ]] || wine=/usr/lib/wine/wine64
[[ -n $wine ]] || { echo "build-windows: --check needs wine64 (apt-get install wine64)" >&2; exit 1; }
x86_64-w64-mingw32-gcc-posix -shared -O1 -o "$build/computenetwork_minimal.dll" "$root/tests/capi/computenetwork_minimal.c"
export WINEPREFIX="$build/wine" WINEDEBUG=-all
exe="$out/hcnctl.exe"
failures=0
expect() { # DESCRIPTION EXPECTED_EXIT PATTERN -- ARGS...
  local what=$1 code=$2 pattern=$3
  shift 4
  local output status=0
  output=$(cd "$root" && "$wine" "$exe" "$@" 2>&1) || status=$?
  if [[ $status == "$code" ]] && grep -qE -- "$pattern" <<<"$output"; then
    echo "wine ok: $what"
  else
    echo "wine FAILED: $what (exit $status, expected $code and /$pattern/):" >&2
    head -20 <<<"$output" >&2
    failures=$((failures + 1))
  fi
}
wine_started=$SECONDS
expect "hcnctl.exe --help" 0 '^Usage: hcnctl' -- --help
expect "explain 0x803B0013" 0 'HCN_E_PORT_ALREADY_EXISTS' -- explain 0x803B0013
expect "--snapshot FILE list all" 0 'healthy|Networks|NAT' -- --snapshot tests/data/checks/healthy-host.json list all
expect "--snapshot FILE check" 0 '' -- --snapshot tests/data/checks/healthy-host.json check
expect "--json --snapshot FILE list endpoints" 0 '' -- --json --snapshot tests/data/trace/nat-host.json list endpoints
expect "import a dump folder" 0 '' -- import tests/data/dumps/collectlogs
expect "diff two snapshots" 0 '' -- diff tests/data/checks/healthy-host.json tests/data/checks/healthy-host.json
expect "--embedded list all" 0 '' -- --embedded list all
dll_path="Z:$(tr / '\\' <<<"$build")\\computenetwork_minimal.dll"
expect "--library: LoadLibraryW + GetProcAddress reach the DLL's HRESULT" 1 'HCN_E_MANAGER_STOPPED|0x803B0020' \
  -- --library "$dll_path" list networks
expect "the default library is missing under Wine: a clear error" 1 'computenetwork.dll' -- list all
expect "--socket is not in the Windows build" 1 'without the hcnd client' -- --socket x list all
echo "build-windows: Wine checks took $((SECONDS - wine_started)) s, $failures failed"
[[ $failures == 0 ]]
