#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: the full suite and the package
# check (scripts/package-check.sh: the .deb and .tar.gz built, inspected and run unpacked), then the core
# suites again under AddressSanitizer + UndefinedBehaviorSanitizer, the thread-heavy suites under
# ThreadSanitizer (scripts/tsan.sh, build-tsan), and a short run of every libFuzzer target in its own
# clang build (scripts/fuzz.sh; HCN_FUZZ_SECONDS each, default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh

jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"
./scripts/package-check.sh build

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHCN_CORE_ONLY=ON -DHCN_SANITIZE=ON \
      -DHCN_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -L core
./scripts/tsan.sh
./scripts/fuzz.sh --seconds "${HCN_FUZZ_SECONDS:-20}"
