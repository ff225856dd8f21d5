#!/usr/bin/env bash
# Builds the packages of BUILD_DIR (cpack: .deb and .tar.gz, into BUILD_DIR/packages) and checks them:
# the .deb's contents and control fields, that `apt-get install -s` resolves it on this machine, the
# desktop entry, AppStream metainfo, manual pages and completions against the programs' real options,
# and that the unpacked tree runs: hcnctl --embedded list all, hcn-console --screenshot (offscreen),
# hcnd --help, and a C program against the installed libcomputenetwork.so and computenetwork.h.
# Nothing is installed on this machine; the temporary root is removed at the end.
#
# Usage: scripts/package-check.sh BUILD_DIR   (a configured build with the Qt console)
set -euo pipefail

if [[ $# -ne 1 || ! -f "$1/CPackConfig.cmake" ]]; then
  echo "usage: $0 BUILD_DIR (a configured build with the Qt console: BUILD_DIR/CPackConfig.cmake)" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/hcn-package-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "package-check: FAIL: $*" >&2
  failures=$((failures + 1))
}
step() { echo "package-check: $*"; }

# 1. The packages. The programs are built first (nothing to do after a full build; -j 1 otherwise: the
# machine is shared).
cmake --build "$build" -j 1 --target hcn-console hcnd hcnctl computenetwork hcn_man_pages >"$work/build.log" ||
  { cat "$work/build.log" >&2; exit 1; }
rm -f "$build"/packages/hcn-console[-_]*
if ! (cd "$build" && cpack --config CPackConfig.cmake -B "$build/packages" >"$work/cpack.log" 2>&1); then
  cat "$work/cpack.log" >&2
  exit 1
fi
debs=("$build"/packages/hcn-console_*.deb)
tgzs=("$build"/packages/hcn-console-*.tar.gz)
[[ -f ${debs[0]} && -f ${tgzs[0]} ]] || { cat "$work/cpack.log" >&2; echo "package-check: cpack made no .deb/.tar.gz" >&2; exit 1; }
deb=${debs[0]}
tgz=${tgzs[0]}
step "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) and $(basename "$tgz")"

# 2. Contents: every path the package promises (docs/packaging.md).
dpkg-deb -c "$deb" | awk '{ p = $6; sub(/^\./, "", p); print p }' >"$work/contents"
expected=(
  /usr/bin/hcn-console /usr/bin/hcnd /usr/bin/hcnctl
  /usr/lib/libcomputenetwork.so /usr/lib/libcomputenetwork.so.0 /usr/include/computenetwork.h
  /usr/share/man/man1/hcnctl.1.gz /usr/share/man/man1/hcn-console.1.gz /usr/share/man/man8/hcnd.8.gz
  /usr/share/bash-completion/completions/hcnctl /usr/share/zsh/vendor-completions/_hcnctl
  /usr/share/applications/hcn-console.desktop /usr/share/metainfo/io.hcnconsole.HcnConsole.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/hcn-console.svg
  /usr/lib/systemd/system/hcnd.service /usr/lib/systemd/system/hcnd.socket
  /usr/lib/sysusers.d/hcn-console.conf /usr/lib/tmpfiles.d/hcn-console.conf
  /usr/share/doc/hcn-console/README.md /usr/share/doc/hcn-console/docs/packaging.md
  /usr/share/hcn-console/schema/hcn-schema-catalog.json
)
for path in "${expected[@]}"; do
  grep -qx -- "$path" "$work/contents" || fail "the .deb has no $path"
done
grep -qE '^/usr/lib/libcomputenetwork\.so\.[0-9]+\.[0-9]+\.[0-9]+$' "$work/contents" ||
  fail "the .deb has no versioned libcomputenetwork.so.X.Y.Z"
tar -tzf "$tgz" >"$work/tgz-contents"
for path in bin/hcnctl bin/hcnd bin/hcn-console include/computenetwork.h lib/systemd/system/hcnd.socket; do
  grep -q "/$path\$" "$work/tgz-contents" || fail "the .tar.gz has no $path"
done

# 3. Control fields: shlibdeps ran (libc6, Qt), the run-time loaded dependencies and the scripts are there.
dpkg-deb -f "$deb" Depends >"$work/depends"
for dependency in libc6 libqt6widgets6 libqt6gui6 libqt6svg6 libgvc6 fonts-dejavu-core; do
  grep -q "\\b$dependency\\b" "$work/depends" || fail "Depends lacks $dependency: $(cat "$work/depends")"
done
dpkg-deb -I "$deb" >"$work/info"
for member in postinst prerm postrm shlibs triggers; do
  grep -qE "^ +[0-9]+ bytes, +[0-9]+ lines +\*? *$member( |$)" "$work/info" || fail "the .deb has no $member control file"
done

# 4. It installs on this machine: every dependency resolves (simulation only).
if apt-get install -s "$deb" >"$work/apt.log" 2>&1 && grep -q '^Inst hcn-console ' "$work/apt.log"; then
  step "apt-get install -s resolves: $(grep -c '^Inst ' "$work/apt.log") package(s) to install"
else
  cat "$work/apt.log" >&2
  fail "apt-get install -s does not resolve $(basename "$deb")"
fi

# ... and on a clean Debian 12: the same simulation against an empty package database resolves every
# dependency from the archive (needs the package lists; skipped without them).
if compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null; then
  : >"$work/empty-status"
  if apt-get install -s -o Dir::State::status="$work/empty-status" "$deb" >"$work/apt-clean.log" 2>&1 &&
    grep -q '^Inst hcn-console ' "$work/apt-clean.log"; then
    step "on an empty system apt-get install -s resolves it with $(grep -c '^Inst ' "$work/apt-clean.log") packages"
  else
    cat "$work/apt-clean.log" >&2
    fail "apt-get install -s does not resolve $(basename "$deb") on an empty system"
  fi
else
  step "no apt package lists (apt-get update): the clean-system resolution is skipped"
fi

# 5. The unpacked tree runs.
root="$work/root"
dpkg-deb -x "$deb" "$root"
bin="$root/usr/bin"
export LD_LIBRARY_PATH="$root/usr/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
for program in hcn-console hcnd hcnctl; do
  if readelf -d "$bin/$program" | grep -qE 'RUNPATH|RPATH'; then
    fail "$program keeps a run path: $(readelf -d "$bin/$program" | grep -E 'RUNPATH|RPATH')"
  fi
done
env -u HCN_SIM_ENVIRONMENT "$bin/hcnctl" --embedded list all >"$work/list.txt" 2>&1 || fail "hcnctl --embedded list all: $(cat "$work/list.txt")"
grep -q '^Networks (0)$' "$work/list.txt" || fail "hcnctl --embedded list all printed no network table: $(cat "$work/list.txt")"
"$bin/hcnd" --help >"$work/hcnd-help.txt" 2>&1 || fail "hcnd --help: $(cat "$work/hcnd-help.txt")"
grep -q '^Usage: hcnd' "$work/hcnd-help.txt" || fail "hcnd --help printed no usage"
QT_QPA_PLATFORM=offscreen "$bin/hcn-console" --screenshot "$work/console.png" >"$work/console.log" 2>&1 ||
  fail "hcn-console --screenshot: $(cat "$work/console.log")"
[[ "$(head -c 8 "$work/console.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] ||
  fail "hcn-console --screenshot wrote no PNG"
cat >"$work/capi.c" <<'C'
#include <computenetwork.h>
#include <stdio.h>
int main(void)
{
    PWSTR networks = NULL, error = NULL;
    HRESULT hr = HcnEnumerateNetworks(L"", &networks, &error);
    CoTaskMemFree(networks);
    CoTaskMemFree(error);
    return hr == 0 ? 0 : 1;
}
C
if cc -std=c11 -I"$root/usr/include" "$work/capi.c" -L"$root/usr/lib" -lcomputenetwork -o "$work/capi" 2>"$work/cc.log"; then
  env -u HCN_SERVICE_SOCKET "$work/capi" || fail "a C program on the packaged libcomputenetwork: HcnEnumerateNetworks failed"
else
  fail "a C program does not build against the packaged computenetwork.h and libcomputenetwork.so: $(cat "$work/cc.log")"
fi
step "the unpacked tree runs: hcnctl --embedded list all, hcn-console --screenshot, hcnd --help, libcomputenetwork"

# 6. Desktop entry and AppStream metainfo.
desktop-file-validate "$root/usr/share/applications/hcn-console.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/io.hcnconsole.HcnConsole.metainfo.xml" \
  >"$work/appstream.log" 2>&1 || { cat "$work/appstream.log" >&2; fail "appstreamcli validate"; }

# 7. systemd: the units parse and their programs exist (ExecStart pointed into the temporary root), the
# group and the runtime directory are created there.
if command -v systemd-analyze >/dev/null; then
  mkdir "$work/units"
  sed "s|/usr/bin/|$bin/|g" "$root/usr/lib/systemd/system/hcnd.service" >"$work/units/hcnd.service"
  cp "$root/usr/lib/systemd/system/hcnd.socket" "$work/units/"
  # Any message (an unknown key is only a warning) fails.
  if ! output=$(systemd-analyze verify --man=no "$work/units/hcnd.socket" "$work/units/hcnd.service" 2>&1) ||
    [[ -n $output ]]; then
    fail "systemd-analyze verify: $output"
  fi
  mkdir -p "$root/etc"
  if ! systemd-sysusers --root="$root" "$root/usr/lib/sysusers.d/hcn-console.conf" >/dev/null 2>&1 ||
    ! grep -q '^hcn:x:[0-9]*:' "$root/etc/group"; then
    fail "sysusers.d/hcn-console.conf creates no group hcn"
  fi
  if ! systemd-tmpfiles --root="$root" --create "$root/usr/lib/tmpfiles.d/hcn-console.conf" ||
    [[ ! -d $root/run/hcn ]]; then
    fail "tmpfiles.d/hcn-console.conf creates no /run/hcn"
  fi
fi

# The maintainer scripts, run against stand-ins that only record their calls (nothing here changes):
# each succeeds, postinst creates the group from the packaged sysusers.d file, every file they name is
# in the package.
dpkg-deb -e "$deb" "$work/control"
mkdir "$work/stubs"
for tool in systemd-sysusers systemd-tmpfiles systemctl addgroup groupadd getent; do
  printf '#!/bin/sh
echo "%s $*" >>"%s"
' "$tool" "$work/calls" >"$work/stubs/$tool"
  chmod +x "$work/stubs/$tool"
done
for call in "postinst configure" "postinst configure 0.0.9" "prerm remove" "postrm remove"; do
  read -r script argument version <<<"$call"
  PATH="$work/stubs:$PATH" sh "$work/control/$script" "$argument" ${version:+"$version"} ||
    fail "$script $argument${version:+ $version} failed"
done
grep -qx 'systemd-sysusers /usr/lib/sysusers.d/hcn-console.conf' "$work/calls" ||
  fail "postinst does not create the hcn group: $(cat "$work/calls" 2>/dev/null)"
while read -r path; do
  grep -qx -- "$path" "$work/contents" || fail "postinst names $path, which the package does not hold"
done < <(grep -ohE '/usr/[a-z/.-]+\.conf' "$work/control/postinst")

# 8. Manual pages and completions against the programs' own help: every option they print is documented.
options_of() { grep -oE -- '(^|[ ,[])--[a-z][a-z-]+' | grep -oE -- '--[a-z-]+' | sort -u; }
man_text() { gzip -dc "$1" | sed 's/\\-/-/g'; }
"$bin/hcnctl" --help >"$work/hcnctl-help.txt"
commands=$(sed -n '/^Commands:/,/^$/p' "$work/hcnctl-help.txt" | awk 'NF && !/^Commands:/ { print $1 }' | sort)
{
  cat "$work/hcnctl-help.txt"
  for command in $commands; do "$bin/hcnctl" "$command" --help || true; done
} | options_of >"$work/hcnctl-options"
QT_QPA_PLATFORM=offscreen "$bin/hcn-console" --help | options_of >"$work/console-options"
options_of <"$work/hcnd-help.txt" >"$work/hcnd-options"
check_documented() { # PAGE OPTIONS_FILE WHAT
  local text
  text=$(man_text "$root/usr/share/man/$1")
  while read -r option; do
    grep -qF -- "$option" <<<"$text" || fail "$3: $option (from the program's --help) is not in $1"
  done <"$2"
}
check_documented man1/hcnctl.1.gz "$work/hcnctl-options" "hcnctl(1)"
check_documented man1/hcn-console.1.gz "$work/console-options" "hcn-console(1)"
check_documented man8/hcnd.8.gz "$work/hcnd-options" "hcnd(8)"
for command in $commands; do
  grep -q "^\\\\fB$command\\\\fR" < <(gzip -dc "$root/usr/share/man/man1/hcnctl.1.gz") ||
    fail "hcnctl(1) has no entry for the command $command"
done
if command -v man >/dev/null; then
  for page in man1/hcnctl.1.gz man1/hcn-console.1.gz man8/hcnd.8.gz; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/$page" 2>&1 >/dev/null || true)
    [[ -z $warnings ]] || fail "$page: $warnings"
  done
fi

bash_completion="$root/usr/share/bash-completion/completions/hcnctl"
zsh_completion="$root/usr/share/zsh/vendor-completions/_hcnctl"
for command in $commands; do
  grep -q "commands=\"[^\"]*\\b$command\\b" "$bash_completion" || fail "the bash completion lacks the command $command"
  grep -q "^  '$command:" "$zsh_completion" || fail "the zsh completion lacks the command $command"
done
while read -r option; do
  grep -qF -- "$option" "$bash_completion" || fail "the bash completion lacks $option"
  grep -qF -- "$option" "$zsh_completion" || fail "the zsh completion lacks $option"
done <"$work/hcnctl-options"
# The bash completion completes (bash-completion's helpers stubbed: only the script itself is under test).
complete_words() { # WORDS... -> the completions of the last word
  bash -c '
    _init_completion() { words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; cur=${words[cword]}; prev=${words[cword-1]}; }
    _filedir() { COMPREPLY=(FILES); }
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _hcnctl; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion" "$@"
}
[[ $(complete_words hcnctl li) == list ]] || fail "bash completion: hcnctl li<TAB> is not list"
[[ $(complete_words hcnctl --embedded list lo) == loadbalancers ]] || fail "bash completion: list lo<TAB>"
[[ $(complete_words hcnctl check --sev) == --severity ]] || fail "bash completion: check --sev<TAB>"
[[ $(complete_words hcnctl check --severity w) == warning ]] || fail "bash completion: --severity w<TAB>"
[[ $(complete_words hcnctl --snapshot "") == FILES ]] || fail "bash completion: --snapshot <TAB> is not a file"
if command -v zsh >/dev/null; then
  zsh -n "$zsh_completion" || fail "the zsh completion does not parse"
fi

if [[ $failures -gt 0 ]]; then
  echo "package-check: $failures check(s) failed" >&2
  exit 1
fi
step "all checks passed in $((SECONDS - started)) s"
