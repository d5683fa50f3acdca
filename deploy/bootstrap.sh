#!/usr/bin/env bash
# Installs what EvoGrains needs on a fresh Debian 12 machine. Idempotent: a second run only checks.
set -euo pipefail

# The Go packages let the deployment tests render helm/evograins with helm's own template engine
# (Go text/template + sprig) offline, in GOPATH mode, since no helm binary can be installed here.
APT_PACKAGES=(dataset-fashion-mnist redis-server golang-go golang-github-masterminds-sprig-dev golang-gopkg-yaml.v2-dev)
NPM_TOOLS=(azurite)
TOOLS_DIR="${EVOGRAINS_TOOLS_DIR:-$HOME/.evograins/tools}"

log() { printf 'bootstrap: %s\n' "$*" >&2; }

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    sudo_if_needed apt-get update -qq >/dev/null
    apt_updated=1
  fi
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing apt packages: ${missing[*]}"
  apt_update_once
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# TorchSharp's native library needs GLIBCXX_3.4.32; Debian 12 ships 3.4.30.
# Every reader below consumes all its input: an early exit (grep -q, grep -m1) would kill the writer
# with SIGPIPE, which pipefail turns into a failure (exit 141) whenever the output outruns the pipe.
libstdcxx=$(ldconfig -p | awk '/libstdc\+\+\.so\.6 / && !found { print $NF; found = 1 }')
if ! strings "$libstdcxx" | grep -x 'GLIBCXX_3.4.32' >/dev/null; then
  log "installing libstdc++6 from Debian trixie behind an apt pin"
  if ! grep -rqs 'trixie' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deb http://deb.debian.org/debian trixie main" | sudo_if_needed tee /etc/apt/sources.list.d/evograins-trixie.list >/dev/null
  fi
  sudo_if_needed tee /etc/apt/preferences.d/evograins-trixie >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  apt_updated=0
  apt_update_once
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie libstdc++6 >/dev/null
fi

for tool in "${NPM_TOOLS[@]}"; do
  if [ ! -x "$TOOLS_DIR/node_modules/.bin/$tool" ]; then
    log "installing npm tool: $tool"
    mkdir -p "$TOOLS_DIR"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "$tool" >/dev/null
  fi
done
