#!/usr/bin/env bash
# Installs what EvoGrains needs on a fresh Debian 12 machine. Idempotent: a second run only checks.
#   deploy/bootstrap.sh                  install what a local search needs (the README's main command)
#   deploy/bootstrap.sh --tests          install that and what the tests need too (the README's test command)
#   deploy/bootstrap.sh [--tests] --check  list what is missing and exit 1 if anything is; installs nothing
# Sourcing it (for tests) defines the functions without running anything.
set -euo pipefail

# A local search needs the dataset, and (checked separately) a libstdc++ new enough for TorchSharp.
APT_PACKAGES=(dataset-fashion-mnist)
# Test-only: redis-server (the Redis storage and clustering tests, and deploy/local/cluster.sh); golang-go with Debian's
# sprig and yaml.v2 sources, which let the deployment tests render helm/evograins with helm's own template engine
# (Go text/template + sprig) offline, in GOPATH mode, since no helm binary can be installed here; python3-torch (which
# brings python3-numpy) remakes the Training tests' committed fixtures, a TorchScript model and an .npz file
# (tests/EvoGrains.Training.Tests/Fixtures/make_fixtures.py).
TEST_APT_PACKAGES=(redis-server golang-go golang-github-masterminds-sprig-dev golang-gopkg-yaml.v2-dev python3-torch)
# Test-only: buildah and debootstrap build the container images from a Debian base and start them
# (deploy/images/build-local.sh, tests/EvoGrains.Deployment.Tests/Images).
TEST_APT_PACKAGES+=(buildah debootstrap)
# Test-only: chromium runs the web page's browser tests headless (tests/EvoGrains.Hosting.Tests/Web), driven over its
# DevTools protocol.
TEST_APT_PACKAGES+=(chromium)
NPM_TOOLS=()
# Test-only: the Azure Storage emulator for the Azure clustering and storage tests.
TEST_NPM_TOOLS=(azurite)
TOOLS_DIR="${EVOGRAINS_TOOLS_DIR:-$HOME/.evograins/tools}"
APT_SOURCES=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)

log() { printf 'bootstrap: %s\n' "$*" >&2; }

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    sudo_if_needed apt-get update -qq >/dev/null
    apt_updated=1
  fi
}

# Prints the URI of the machine's Debian archive: the first enabled binary ("deb") source with a
# plain release suite (not -security, -updates or -backports) and the main component, read from
# one-line (.list) and deb822 (.sources) files. The trixie source reuses it, so the repository
# names no mirror of its own.
debian_mirror() {
  local file
  for file in "$@"; do
    [ -f "$file" ] || continue
    case "$file" in
      *.sources) deb822_mirror "$file" ;;
      *) one_line_mirror "$file" ;;
    esac
  done | awk 'NR == 1 { print } END { if (NR == 0) exit 1 }'
}

# Fields of "deb [options] URI suite component..." lines; options may hold spaces inside the brackets.
one_line_mirror() {
  sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$1" | awk '
    $1 == "deb" && NF >= 4 && $2 ~ /^(https?|ftp|file):/ && $3 !~ /[-\/]/ {
      for (i = 4; i <= NF; i++) if ($i == "main") { print $2; break }
    }'
}

# deb822 stanzas are separated by blank lines; a field continues on lines that start with a space.
deb822_mirror() {
  awk '
    function flush(   n, suites, uris, i, ok) {
      if (types ~ /(^| )deb( |$)/ && tolower(enabled) != "no" && components ~ /(^| )main( |$)/) {
        n = split(suite_list, suites, " ")
        for (i = 1; i <= n; i++) if (suites[i] !~ /[-\/]/) ok = 1
        split(uri_list, uris, " ")
        if (ok && uris[1] ~ /^(https?|ftp|file):/) print uris[1]
      }
      types = ""; uri_list = ""; suite_list = ""; components = ""; enabled = ""; field = ""
    }
    /^#/ { next }
    /^[ \t]*$/ { flush(); next }
    /^[ \t]/ { value = $0; sub(/^[ \t]+/, "", value); append(field, value); next }
    {
      field = tolower(substr($0, 1, index($0, ":") - 1)); value = substr($0, index($0, ":") + 1)
      sub(/^[ \t]+/, "", value); sub(/[ \t]+$/, "", value); append(field, value)
    }
    function append(name, v) {
      if (name == "types") types = types " " v
      else if (name == "uris") uri_list = uri_list " " v
      else if (name == "suites") suite_list = suite_list " " v
      else if (name == "components") components = components " " v
      else if (name == "enabled") enabled = v
    }
    END { flush() }' "$1"
}

missing_apt_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || printf '%s\n' "$pkg"
  done
}

# TorchSharp's native library needs GLIBCXX_3.4.32; Debian 12 ships 3.4.30.
# Every reader below consumes all its input: an early exit (grep -q, grep -m1) would kill the writer
# with SIGPIPE, which pipefail turns into a failure (exit 141) whenever the output outruns the pipe.
needs_newer_libstdcxx() {
  local libstdcxx
  libstdcxx=$(ldconfig -p | awk '/libstdc\+\+\.so\.6 / && !found { print $NF; found = 1 }')
  ! strings "$libstdcxx" | grep -x 'GLIBCXX_3.4.32' >/dev/null
}

missing_npm_tools() {
  local tool
  for tool in "${NPM_TOOLS[@]}"; do
    [ -x "$TOOLS_DIR/node_modules/.bin/$tool" ] || printf '%s\n' "$tool"
  done
}

install_libstdcxx_from_trixie() {
  log "installing libstdc++6 from Debian trixie behind an apt pin"
  if ! grep -rqs 'trixie' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    local mirror
    if ! mirror=$(debian_mirror "${APT_SOURCES[@]}"); then
      log "no Debian archive source (deb <uri> <release> main) in /etc/apt/sources.list or /etc/apt/sources.list.d/; add one, or install libstdc++6 with GLIBCXX_3.4.32 yourself"
      exit 1
    fi
    echo "deb $mirror trixie main" | sudo_if_needed tee /etc/apt/sources.list.d/evograins-trixie.list >/dev/null
  fi
  sudo_if_needed tee /etc/apt/preferences.d/evograins-trixie >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  apt_updated=0
  apt_update_once
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie libstdc++6 >/dev/null
}

check() {
  local missing
  missing=$( { missing_apt_packages | sed 's/^/apt package: /'; missing_npm_tools | sed 's/^/npm tool: /';
               if needs_newer_libstdcxx; then echo 'libstdc++6 with GLIBCXX_3.4.32 (from trixie)'; fi; } )
  if [ -n "$missing" ]; then
    printf 'missing: %s\n' "$missing" | sed '2,$s/^/missing: /'
    return 1
  fi
  echo "bootstrap: nothing to install"
}

main() {
  local check_only=0 arg
  for arg in "$@"; do
    case "$arg" in
      --check) check_only=1 ;;
      --tests) APT_PACKAGES+=("${TEST_APT_PACKAGES[@]}"); NPM_TOOLS+=("${TEST_NPM_TOOLS[@]}") ;;
      *) log "unknown option '$arg' (expected --tests and/or --check)"; exit 2 ;;
    esac
  done

  if [ "$check_only" -eq 1 ]; then
    check
    return
  fi

  local missing
  mapfile -t missing < <(missing_apt_packages)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing apt packages: ${missing[*]}"
    apt_update_once
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi

  if needs_newer_libstdcxx; then
    install_libstdcxx_from_trixie
  fi

  local tool
  for tool in $(missing_npm_tools); do
    log "installing npm tool: $tool"
    mkdir -p "$TOOLS_DIR"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "$tool" >/dev/null
  done
}

# Only when run: a "return" outside a function succeeds only in a sourced file.
if ! (return 0 2>/dev/null); then
  main "$@"
fi
