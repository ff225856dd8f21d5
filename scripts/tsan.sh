#!/usr/bin/env bash
# Runs the thread-heavy suites (CTest label tsan: engine concurrency, notifications and lifetimes, the RPC
# and hcnctl suites with their hcnd and hcnctl processes) under ThreadSanitizer.
#   scripts/tsan.sh [--build DIR] [--repeat N]
# DIR (default build-tsan) is configured here when new: gcc, Debug, core only, -DHCN_TSAN=ON; only the
# labelled suites and the programs they start are built. Every process reports to DIR/tsan-reports/ and
# stops at its first report (tests/tsan.supp suppresses Qt's own internals only); the script exits 1 when
# a suite fails or any process wrote a report. --repeat N runs the suites N times (until the first failure).
set -euo pipefail
cd "$(dirname "$0")/.."

build=build-tsan
repeat=1
while (($#)); do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "tsan.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  CC=gcc CXX=g++ \
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHCN_UNITY_BUILD=ON -DHCN_CORE_ONLY=ON -DHCN_TSAN=ON \
          -DHCN_BUILD_BENCHMARKS=OFF >/dev/null
fi
if ! grep -q '^HCN_TSAN:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "tsan.sh: $build is not configured with -DHCN_TSAN=ON" >&2
  exit 2
fi
# The suites labelled tsan are the targets to build (each depends on the programs it starts).
cmake -S . -B "$build" >/dev/null
mapfile -t targets < <(ctest --test-dir "$build" -N -L tsan | sed -n 's/^ *Test *#[0-9]*: *//p')
if ((${#targets[@]} == 0)); then
  echo "tsan.sh: no test labelled tsan in $build" >&2
  exit 2
fi
if ! cmake --build "$build" --target "${targets[@]}" -j "${HCN_TSAN_JOBS:-$(nproc)}" >"$build/build.log" 2>&1; then
  grep -E -A8 'FAILED|error' "$build/build.log" | head -60 >&2
  echo "tsan.sh: the build failed (whole log: $build/build.log)" >&2
  exit 1
fi

reports="$PWD/$build/tsan-reports"
rm -rf "$reports"
mkdir -p "$reports"
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 history_size=4 suppressions=$PWD/tests/tsan.supp log_path=$reports/report"
status=0
ctest --test-dir "$build" -L tsan --output-on-failure -j "${HCN_TSAN_JOBS:-$(nproc)}" \
  --repeat until-fail:"$repeat" || status=1
if compgen -G "$reports/report.*" >/dev/null; then
  for report in "$reports"/report.*; do
    echo "== $report"
    cat "$report"
  done
  echo "tsan.sh: ThreadSanitizer reports in $reports" >&2
  status=1
fi
((status == 0)) && echo "tsan.sh: ${#targets[@]} suites, $repeat run(s), no ThreadSanitizer report"
exit $status
