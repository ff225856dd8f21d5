#!/usr/bin/env bash
# Regenerates the README's pictures (docs/images/console.png, docs/images/topology.png) from the sample
# host, rendered offscreen (no display needed). Usage: scripts/screenshots.sh [BUILD_DIR]
# BUILD_DIR holds a built hcn-console (default: build-app, which scripts/run.sh builds).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-app}
console="$build/app/console/hcn-console"
if [[ ! -x $console ]]; then
  echo "screenshots: $console is not built (run scripts/run.sh --help, or pass a build directory)" >&2
  exit 2
fi
export QT_QPA_PLATFORM=offscreen
"$console" --screenshot docs/images/console.png
"$console" --view topology --screenshot docs/images/topology.png
echo "screenshots: wrote docs/images/console.png and docs/images/topology.png"
