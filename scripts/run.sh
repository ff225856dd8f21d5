#!/usr/bin/env bash
# Installs what is missing, builds, and starts the console (hcn-console) on its embedded engine with
# the sample host. Arguments go to hcn-console (--scenario FILE, --connect SOCKET, --screenshot PNG ...).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build-app -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHCN_UNITY_BUILD=ON -DHCN_BUILD_TESTS=OFF -DHCN_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-app --target hcn-console hcnd hcnctl computenetwork
# Without a display hcn-console says so and explains xvfb-run and --screenshot.
exec ./build-app/app/console/hcn-console "$@"
