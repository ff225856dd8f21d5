#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz for a while each and prints how many inputs each executed.
# Targets run side by side, one per core (HCN_FUZZ_JOBS to choose; libFuzzer uses one thread).
#   scripts/fuzz.sh [--build DIR] [--optimized] [--seconds N | --runs N] [TARGET...]
# DIR (default build-fuzz) is configured here when new: clang-14, ASan + UBSan, the libFuzzer targets
# (-DHCN_FUZZ=ON, core only); only the fuzz targets and what they link are built. --optimized builds them
# with optimization (RelWithDebInfo, default DIR build-fuzz-opt), several times faster per input: for
# the long runs. --runs N stops each target after N inputs instead of after N seconds. Without targets,
# every fuzz_* target runs. Each target grows its own corpus under
# DIR/fuzz-corpus/<target> (seeded from tests/fuzz/corpus/<target>), with the dictionary
# tests/fuzz/hcn.dict (JSON and HCN keywords); an input that crashes, leaks, hangs or exhausts memory is
# written to DIR/fuzz-artifacts/ and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

build=
build_type=Debug
seconds=60
run_limit=-1
targets=()
while (($#)); do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --runs) run_limit=$2; seconds=0; shift 2 ;;
    --optimized) build_type=RelWithDebInfo; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [[ -z $build ]]; then
  build=build-fuzz
  [[ $build_type == Debug ]] || build=build-fuzz-opt
fi
if ((${#targets[@]} == 0)); then
  for source in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  CC=clang-14 CXX=clang++-14 \
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DHCN_UNITY_BUILD=ON -DHCN_CORE_ONLY=ON -DHCN_SANITIZE=ON \
          -DHCN_FUZZ=ON -DHCN_BUILD_BENCHMARKS=OFF >/dev/null
fi
if ! grep -q '^HCN_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "fuzz.sh: $build is not configured with -DHCN_FUZZ=ON" >&2
  exit 2
fi
if ! cmake --build "$build" --target "${targets[@]}" >"$build/build.log" 2>&1; then
  grep -E -A8 'FAILED|error' "$build/build.log" | head -60 >&2
  echo "fuzz.sh: the build failed (whole log: $build/build.log)" >&2
  exit 1
fi
mkdir -p "$build/fuzz-artifacts"
# One target per core at a time (HCN_FUZZ_JOBS, default nproc): libFuzzer runs on one thread.
fuzz_target() { # TARGET: runs it, then writes its one-line result to its .result file; exit 1 on a finding
  local target=$1 corpus="$build/fuzz-corpus/$1" log="$build/fuzz-artifacts/$1.log" result status=0
  local started=$SECONDS
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     "$build/tests/fuzz/$target" "$corpus" -max_total_time="$seconds" -runs="$run_limit" -max_len=65536 -timeout=10 \
       -rss_limit_mb=2048 -entropic=0 -dict=tests/fuzz/hcn.dict -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target-" \
       >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"
    status=1
  fi
  local runs
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf '%-22s %12s inputs in %ss, corpus %s files: %s\n' "$target" "${runs:-?}" $((SECONDS - started)) \
    "$(find "$corpus" -type f | wc -l)" "$result" >"$build/fuzz-artifacts/$target.result"
  return $status
}
jobs=${HCN_FUZZ_JOBS:-$(nproc)}
status=0
running=0
for target in "${targets[@]}"; do
  if ((running >= jobs)); then
    wait -n || status=1
    running=$((running - 1))
  fi
  fuzz_target "$target" &
  running=$((running + 1))
done
while ((running > 0)); do
  wait -n || status=1
  running=$((running - 1))
done
for target in "${targets[@]}"; do
  cat "$build/fuzz-artifacts/$target.result"
done
exit $status
