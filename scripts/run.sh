#!/usr/bin/env bash
# Installs what is missing, builds, and starts the main program on its embedded engine.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build-app -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHCN_BUILD_TESTS=OFF -DHCN_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-app --target hcn-engine-demo computenetwork
exec ./build-app/app/demo/hcn-engine-demo "$@"
