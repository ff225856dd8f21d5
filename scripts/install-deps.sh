#!/usr/bin/env bash
# Installs the Debian 12 packages HCN Console builds, tests and runs with.
# Idempotent: when everything is present it only checks (no apt-get update, no download).
set -euo pipefail

packages=(
  cmake ninja-build pkg-config g++ git
  qt6-base-dev qt6-svg-dev libqt6opengl6-dev
  libqcustomplot-dev nlohmann-json3-dev libspdlog-dev libgraphviz-dev
  libasio-dev libssl-dev libbenchmark-dev libarchive-dev zlib1g-dev python3
  libnftables-dev libnl-3-dev libnl-route-3-dev libmnl-dev
  nftables iproute2 iputils-ping containernetworking-plugins
  clang-14 libclang-rt-14-dev lld
  g++-mingw-w64-x86-64 libz-mingw-w64-dev wine64 libfmt-dev
  xvfb xauth fonts-dejavu-core
  dpkg-dev file desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
