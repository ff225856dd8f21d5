#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test, each stage building only what it runs:
#   build       Debug: the programs, the console's library, the benchmarks (built, not run) and the
#               console's suites (label ui), which run here; then the package check
#               (scripts/package-check.sh: the .deb and .tar.gz built from it, inspected and run unpacked);
#   build-asan  clang-14, AddressSanitizer + UndefinedBehaviorSanitizer with libFuzzer's coverage: the
#               Qt-free layers' suites (label core: engine, C API, RPC, hcnctl, with their hcnd and hcnctl;
#               the fuzz targets' seeds), then every libFuzzer target for HCN_FUZZ_SECONDS (default 20),
#               side by side (scripts/fuzz.sh), on the same libraries;
#   build-tsan  the thread-heavy suites under ThreadSanitizer (scripts/tsan.sh);
#   build-windows  hcnctl.exe and our engine as computenetwork.dll, cross-built with mingw-w64 and run
#               under Wine (scripts/build-windows.sh --check).
# The Debug and ASan builds carry line tables only (-g1: what backtraces and sanitizer reports print,
# function, file and line, inlined frames included), which compiles a tenth to a sixth faster than -g.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each stage's start, with the time since the start: where a slow run spent its time.
stage() { printf '\n==> %s (%dm%02ds)\n' "$1" $((SECONDS / 60)) $((SECONDS % 60)); }
stage "dependencies"
./scripts/install-deps.sh

jobs=$(nproc)
stage "build: Debug, the programs and the console"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DHCN_UNITY_BUILD=ON -DHCN_CORE_TESTS=OFF \
  >/dev/null
cmake --build build -j "$jobs"
stage "build: the console's suites"
ctest --test-dir build --output-on-failure -j "$jobs"
stage "build: the package check"
./scripts/package-check.sh build

stage "build-asan: the Qt-free layers under ASan + UBSan"
CC=clang-14 CXX=clang++-14 \
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DHCN_UNITY_BUILD=ON \
        -DHCN_CORE_ONLY=ON -DHCN_SANITIZE=ON -DHCN_FUZZ=ON -DHCN_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j "$jobs"
stage "build-asan: the Qt-free layers' suites"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -L core
stage "fuzz: every target for ${HCN_FUZZ_SECONDS:-20} s"
./scripts/fuzz.sh --build build-asan --seconds "${HCN_FUZZ_SECONDS:-20}"
stage "build-tsan: the thread-heavy suites under ThreadSanitizer"
./scripts/tsan.sh
stage "build-windows: hcnctl.exe and computenetwork.dll under Wine"
./scripts/build-windows.sh --check build-windows/dist build-windows
stage "all passed"
