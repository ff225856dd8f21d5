#!/usr/bin/env bash
# Cross-builds hcnctl.exe and our engine as computenetwork.dll for Windows with Debian's mingw-w64
# (g++-mingw-w64-x86-64):
#   scripts/build-windows.sh [--check] OUTDIR [BUILDDIR]
# OUTDIR receives hcnctl.exe, a static PE32+ that loads the OS's computenetwork.dll at run time, and
# computenetwork.dll, core/capi's C API over the engine (docs/windows.md). BUILDDIR (default
# build-windows/) keeps the objects for the next run. Installs nothing: the packages are
# g++-mingw-w64-x86-64, libz-mingw-w64-dev (zlib, linked statically: zip bundles and imports), cmake,
# ninja-build, nlohmann-json3-dev, libspdlog-dev, libfmt-dev, and wine64 and python3 for --check.
# --check then runs them under Wine: the offline modes, the embedded engine, hcnctl.exe --library on our
# computenetwork.dll (create, list, show, endpoints, check, events) and on a stub DLL
# (tests/capi/computenetwork_minimal.c), a bundle written as .zip and checked by Python's zipfile on the
# Linux side, then imported back, and a collectlogs .zip made on the Linux side imported. One line per
# check, then the total time; exit status 1 when anything failed.
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
[[ -f /usr/x86_64-w64-mingw32/include/zlib.h && -f /usr/x86_64-w64-mingw32/lib/libz.a ]] ||
  { echo "build-windows: zlib for mingw-w64 missing (apt-get install libz-mingw-w64-dev)" >&2; exit 1; }
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
trap 'echo "build-windows: FAILED after $((SECONDS - started)) s" >&2' ERR
cmake -S "$root/cmake/windows" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64.cmake" -DHCN_HEADERS="$headers" "${launcher[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)" --target hcnctl computenetwork
x86_64-w64-mingw32-strip -o "$out/hcnctl.exe" "$build/hcnctl.exe"
x86_64-w64-mingw32-strip -o "$out/computenetwork.dll" "$build/computenetwork.dll"
echo "build-windows: $out/hcnctl.exe ($(stat -c %s "$out/hcnctl.exe") bytes), $out/computenetwork.dll ($(stat -c %s "$out/computenetwork.dll") bytes) in $((SECONDS - started)) s"

[[ $check == 1 ]] || exit 0

# ---- Under Wine ----
# Debian's wine64 package installs the loader as /usr/lib/wine/wine64 (the `wine` package adds the wrapper).
wine=$(command -v wine64 || command -v wine || true)
[[ -n $wine || ! -x /usr/lib/wine/wine64 ]] || wine=/usr/lib/wine/wine64
[[ -n $wine ]] || { echo "build-windows: --check needs wine64 (apt-get install wine64)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "build-windows: --check needs python3 (its zipfile checks the bundles)" >&2; exit 1; }
x86_64-w64-mingw32-gcc-posix -shared -O1 -o "$build/computenetwork_minimal.dll" "$root/tests/capi/computenetwork_minimal.c"
export WINEPREFIX="$build/wine" WINEDEBUG=-all
exe="$out/hcnctl.exe"
failures=0
runner=("$wine" "$exe")
expect_linux() { local runner=(); expect "$@"; } # the same, for a command on the Linux side
expect() { # DESCRIPTION EXPECTED_EXIT PATTERN... -- ARGS...: every PATTERN must match a line
  local what=$1 code=$2 side=${runner[1]:+wine}
  shift 2
  local patterns=()
  while [[ $1 != -- ]]; do
    patterns+=("$1")
    shift
  done
  shift
  local output status=0 pattern missing=
  output=$(cd "$root" && timeout 120 "${runner[@]}" "$@" 2>&1) || status=$?
  for pattern in "${patterns[@]}"; do
    grep -qE -- "$pattern" <<<"$output" || missing+=" /$pattern/"
  done
  if [[ $status == "$code" && -z $missing ]]; then
    echo "${side:-linux} ok: $what"
  else
    echo "${side:-linux} FAILED: $what (exit $status, expected $code${missing:+; no line matches$missing}):" >&2
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
winpath() { echo "Z:$(tr / '\\' <<<"$1")"; }
# Our engine as computenetwork.dll. Each hcnctl.exe is a new process, so a new engine inside the DLL:
# the calls that build on each other run in one `batch`.
ours=$(winpath "$out/computenetwork.dll")
expect "--library computenetwork.dll: create network -f FILE" 0 '^Created network [0-9a-f-]{36}' \
  -- --library "$ours" create network -f cmake/windows/check/network.json
expect "--library computenetwork.dll: batch: create network, list, show, create endpoint, list, show" 0 \
  '^\{"id":1,"result":\{"Handle":' '^\{"id":2,"result":.*0b000000-0000-4000-8000-0000000000a1' \
  '^\{"id":3,"result":.*"Name":"wine-nat"' '^\{"id":4,"result":\{"Handle":' \
  '^\{"id":5,"result":.*0b000000-0000-4000-8000-0000000000b1' '^\{"id":6,"result":.*"Name":"wine-ep"' \
  -- --library "$ours" batch -f cmake/windows/check/library.jsonl
expect "--library computenetwork.dll: list all" 0 'Networks' -- --library "$ours" list all
expect "--library computenetwork.dll: show a missing network: the DLL's HRESULT" 1 'HCN_E_NETWORK_NOT_FOUND \(0x803B0001\)' \
  -- --library "$ours" show network wine-nat
expect "--library computenetwork.dll: check" 0 '' -- --library "$ours" check
HCN_SERVICE_SOCKET=x expect "HCN_SERVICE_SOCKET is refused by our computenetwork.dll" 1 'built without the hcnd client' \
  -- --library "$ours" list networks
expect "import an hnsdiag dump file" 0 '3F1C9B27|3f1c9b27' -- import tests/data/dumps/hnsdiag-detailed.txt
dll_path="$(winpath "$build")\\computenetwork_minimal.dll"
expect "--library: LoadLibraryW + GetProcAddress reach the DLL's HRESULT" 1 'HCN_E_MANAGER_STOPPED|0x803B0020' \
  -- --library "$dll_path" list networks
expect "the default library is missing under Wine: a clear error" 1 'computenetwork.dll' -- list all
expect "--socket is not in the Windows build" 1 'without the hcnd client' -- --socket x list all
# Our computenetwork.dll's callback registration and poller thread start and stop under Wine (nothing else
# changes the engine inside this one process, so no event arrives).
expect "--library computenetwork.dll: events --duration 2 (callback + poller threads, clean exit)" 0 '' \
  -- --library "$ours" events --duration 2
# Zip without libarchive (core/io/zip_archive.h): a bundle written here is read by Python's zipfile (CRC
# test and listing), imported back, and a collectlogs .zip made on the Linux side is imported.
rm -f "$build/wine-bundle.zip" "$build/collectlogs.zip"
bundle=$(winpath "$build/wine-bundle.zip")
expect "bundle OUT.zip" 0 '^Wrote .*wine-bundle.zip: 24 objects, 1 finding, 7 files' \
  -- --snapshot tests/data/checks/healthy-host.json bundle "$bundle"
expect_linux "python3 -m zipfile: the bundle's CRCs and its 7 files" 0 'Done testing' '^README.txt ' \
  '^snapshot.json ' '^objects-v1.json ' '^checks.json ' '^checks.txt ' '^versions.json ' '^manifest.json ' \
  -- sh -c 'python3 -m zipfile -t "$1" && python3 -m zipfile -l "$1"' - "$build/wine-bundle.zip"
expect "--snapshot BUNDLE.zip list networks" 0 '5A1C2E7B-3B0D-4C52-9D7E-0A6E4C1B2F01' '8D3F6A92-1E4B-4F7C-A25D-6B9C0E1D3F02' \
  -- --snapshot "$bundle" list networks
expect "import BUNDLE.zip: taken from its snapshot.json" 0 'a bug-report bundle' '8D3F6A92-1E4B-4F7C-A25D-6B9C0E1D3F02' \
  -- import "$bundle"
(cd "$root/tests/data/dumps" && python3 -m zipfile -c "$build/collectlogs.zip" collectlogs)
expect "import a collectlogs .zip made by Python's zipfile" 0 '2E6B9C40-81D3-4F5A-B7C2-94E0A1D3F5B6' \
  '90011223-3445-4D6E-8F70-8192A3B4C5D6' -- import "$(winpath "$build/collectlogs.zip")"
expect "bundle OUT.tar.gz: refused, naming .zip (exit 4: OUT cannot be written)" 4 'writes bundles as \.zip only' \
  -- --snapshot tests/data/checks/healthy-host.json bundle "$(winpath "$build/wine-bundle.tar.gz")"
echo "build-windows: Wine checks took $((SECONDS - wine_started)) s, $failures failed; total $((SECONDS - started)) s"
[[ $failures == 0 ]]
