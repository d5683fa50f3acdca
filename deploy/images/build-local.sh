#!/usr/bin/env bash
# Test-only: builds and starts the deploy/docker images on a machine with no registry access and no
# working container engine, with Debian's buildah (chroot isolation) on a Debian base made by
# debootstrap from the machine's own apt mirror. Needs root (or passwordless sudo), buildah, debootstrap.
#
#   build-local.sh base
#       makes (or reuses) the local base image and prints its name
#   build-local.sh build [--app DIR] [--dockerfile silo-cpu|silo-cuda|client] [--tag NAME]
#       builds deploy/docker/Dockerfile.<dockerfile> (default silo-cpu) from the base and a
#       `dotnet publish` output (--app; without it, the Dockerfile's own publish command is run
#       here), with APP_SOURCE=published; prints the image name
#   build-local.sh run IMAGE [--name NAME] [--env KEY=VALUE]... [-- ARGUMENTS...]
#       starts IMAGE's ENTRYPOINT + CMD (ARGUMENTS, when given, replace CMD) with
#       `buildah run --isolation chroot`, on the host's network (give a silo free ports through its
#       EvoGrains__* / ASPNETCORE_* variables); SIGTERM/SIGINT go to the container's processes, and
#       the working container is removed when they end
#
# The base: Debian trixie (its libstdc++ has GLIBCXX_3.4.32, which TorchSharp's native library needs),
# minbase plus the runtime libraries of the .NET images, curl and dataset-fashion-mnist; the ASP.NET
# Core runtime is this machine's own (copied from its dotnet installation, so nothing is downloaded
# but Debian packages); user app (uid 1654) as in the .NET images. The debootstrap tree is cached as
# a tarball in $EVOGRAINS_IMAGES_DIR (default ~/.evograins/images) and the base image in buildah's
# storage, both named by a key of their inputs, so only the first build pays for debootstrap.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
IMAGES_DIR="${EVOGRAINS_IMAGES_DIR:-$HOME/.evograins/images}"
SUITE=trixie
BASE_PACKAGES=(ca-certificates libicu76 libssl3t64 tzdata zlib1g libgomp1 curl dataset-fashion-mnist)
BASE_REPOSITORY=localhost/evograins-local-base
APP_UID=1654

log() { printf 'build-local: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# A command prefix, not a function: `"${AS_ROOT[@]}" buildah run ... &` must make buildah (or sudo)
# the background process itself, whose descendants are the container's processes (see stop_container).
if [ "$(id -u)" -eq 0 ]; then AS_ROOT=(); else AS_ROOT=(sudo -n); fi
as_root() { "${AS_ROOT[@]}" "$@"; }

# Set by make_base / run for their EXIT traps (a function's locals are gone when the trap runs).
WORKING_CONTAINER=""
CONTEXT=""
cleanup() {
  if [ -n "$WORKING_CONTAINER" ]; then as_root buildah rm "$WORKING_CONTAINER" >/dev/null 2>&1 || true; fi
  if [ -n "$CONTEXT" ]; then rm -rf "$CONTEXT"; fi
}
trap cleanup EXIT

# The machine's Debian archive, read from its apt sources at run time (never written in the repository).
apt_mirror() {
  # shellcheck source=../bootstrap.sh
  source "$REPO_ROOT/deploy/bootstrap.sh"
  debian_mirror "${APT_SOURCES[@]}"
}

dotnet_root() {
  local dotnet
  dotnet=$(command -v dotnet) || die "dotnet is not installed"
  dirname "$(readlink -f "$dotnet")"
}

# The runtimes the base carries, e.g. "Microsoft.AspNetCore.App 10.0.12;Microsoft.NETCore.App 10.0.12;".
dotnet_runtimes() {
  dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" || $1 == "Microsoft.AspNetCore.App" { printf "%s %s;", $1, $2 }'
}

short_hash() { sha256sum | cut -c1-12; }

rootfs_key() { printf '%s\n' "$SUITE" "${BASE_PACKAGES[@]}" | short_hash; }

base_image() { printf '%s:%s\n' "$BASE_REPOSITORY" "$( { rootfs_key; dotnet_runtimes; echo "uid $APP_UID"; } | short_hash)"; }

image_exists() { as_root buildah inspect --type image "$1" >/dev/null 2>&1; }

# debootstrap into a temporary tree, then the tree as a tarball (what buildah add unpacks).
make_rootfs_tarball() {
  local tarball=$1 mirror tree
  mirror=$(apt_mirror) || die "no Debian archive source (deb <uri> <release> main) in the apt sources"
  tree=$(mktemp -d "$IMAGES_DIR/rootfs.XXXXXX")
  log "debootstrap $SUITE from $mirror (first build only; a few minutes)"
  if ! as_root debootstrap --variant=minbase --include="$(IFS=,; echo "${BASE_PACKAGES[*]}")" \
      "$SUITE" "$tree" "$mirror" >"$IMAGES_DIR/debootstrap.log" 2>&1; then
    as_root rm -rf "$tree"
    die "debootstrap failed; see $IMAGES_DIR/debootstrap.log"
  fi
  # apt's downloaded indexes and packages are not part of an image.
  as_root rm -rf "$tree"/var/lib/apt/lists/* "$tree"/var/cache/apt/archives/*.deb
  as_root tar -C "$tree" --numeric-owner -cf "$tarball.partial" .
  as_root mv "$tarball.partial" "$tarball"
  as_root rm -rf "$tree"
}

make_base() {
  local image tarball root
  # Called as $(make_base): a command substitution does not inherit the EXIT trap.
  trap cleanup EXIT
  mkdir -p "$IMAGES_DIR"
  image=$(base_image)
  image_exists "$image" && { echo "$image"; return; }

  # One builder at a time (two worktrees may run the test together); the loser reuses the winner's work.
  exec 9>"$IMAGES_DIR/.lock"
  flock 9
  if image_exists "$image"; then
    echo "$image"
    return
  fi

  tarball="$IMAGES_DIR/debian-$SUITE-$(rootfs_key).tar"
  [ -f "$tarball" ] || make_rootfs_tarball "$tarball"

  log "making $image from $(basename "$tarball") and the .NET runtime in $(dotnet_root)"
  root=$(dotnet_root)
  WORKING_CONTAINER=$(as_root buildah from --pull=never scratch)
  local container=$WORKING_CONTAINER
  as_root buildah add --quiet "$container" "$tarball" / >/dev/null
  as_root buildah copy --quiet "$container" "$root/dotnet" /usr/share/dotnet/dotnet >/dev/null
  as_root buildah copy --quiet "$container" "$root/host" /usr/share/dotnet/host >/dev/null
  as_root buildah copy --quiet "$container" "$root/shared/Microsoft.NETCore.App" /usr/share/dotnet/shared/Microsoft.NETCore.App >/dev/null
  as_root buildah copy --quiet "$container" "$root/shared/Microsoft.AspNetCore.App" /usr/share/dotnet/shared/Microsoft.AspNetCore.App >/dev/null
  as_root buildah run --isolation chroot "$container" -- sh -c \
    "ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
     && groupadd --gid $APP_UID app && useradd --no-log-init --uid $APP_UID --gid $APP_UID --create-home app"
  # What the .NET runtime images set, so the Dockerfiles see the same environment.
  as_root buildah config --env APP_UID=$APP_UID --env ASPNETCORE_HTTP_PORTS=8080 --env DOTNET_RUNNING_IN_CONTAINER=true \
    --label org.evograins.local-base="$SUITE" "$container"
  as_root buildah commit --quiet --rm "$container" "$image" >/dev/null
  WORKING_CONTAINER=""
  echo "$image"
}

build() {
  local app="" dockerfile=silo-cpu tag="" base context backend
  while [ $# -gt 0 ]; do
    case "$1" in
      --app) app=$2; shift 2 ;;
      --dockerfile) dockerfile=$2; shift 2 ;;
      --tag) tag=$2; shift 2 ;;
      *) die "unknown option: $1" ;;
    esac
  done
  [ -f "$REPO_ROOT/deploy/docker/Dockerfile.$dockerfile" ] || die "no deploy/docker/Dockerfile.$dockerfile"
  tag=${tag:-localhost/evograins/$dockerfile:local}
  base=$(make_base)

  CONTEXT=$(mktemp -d "${TMPDIR:-/tmp}/evograins-image-context.XXXXXX")
  context=$CONTEXT
  if [ -n "$app" ]; then
    [ -d "$app" ] || die "--app $app is not a folder"
    # Hard links when the folders share a file system: a published silo is ~0.5-0.7 GB.
    cp -al "$app" "$context/published" 2>/dev/null || cp -a "$app" "$context/published"
  else
    case "$dockerfile" in
      silo-cuda) backend=cuda ;;
      *) backend=cpu ;;
    esac
    local project=src/EvoGrains.Silo/EvoGrains.Silo.csproj
    [ "$dockerfile" = client ] && project=src/EvoGrains.Cli/EvoGrains.Cli.csproj
    log "dotnet publish $project (TorchBackend=$backend), as the Dockerfile does"
    dotnet publish "$REPO_ROOT/$project" -c Release -r linux-x64 --self-contained false \
      -p:TorchBackend=$backend -p:UseAppHost=false -o "$context/published" >&2
  fi

  log "building $tag from $base"
  # Docker's image format keeps HEALTHCHECK (the OCI format has no field for it).
  as_root buildah build --isolation chroot --pull=never --quiet --format docker \
    --build-arg DOTNET_RUNTIME_IMAGE="$base" --build-arg DATASET_IMAGE="$base" \
    --build-arg APP_SOURCE=published --build-arg PUBLISHED_APP=published \
    -f "$REPO_ROOT/deploy/docker/Dockerfile.$dockerfile" -t "$tag" "$context" >&2
  echo "$tag"
}

run() {
  [ $# -ge 1 ] || die "usage: build-local.sh run IMAGE [--name NAME] [--env KEY=VALUE]... [-- ARGUMENTS...]"
  local image=$1 name="" child status=0 replace_cmd=0
  local -a envs=() command=() arguments=()
  shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --name) name=$2; shift 2 ;;
      --env) envs+=(--env "$2"); shift 2 ;;
      --) shift; arguments=("$@"); replace_cmd=1; break ;;
      *) die "unknown option: $1" ;;
    esac
  done
  # buildah run takes a command, not the image's entrypoint: read ENTRYPOINT then CMD from the image;
  # arguments after -- replace CMD, as with `docker run IMAGE ARGS`.
  mapfile -t command < <(as_root buildah inspect --type image --format '{{range .OCIv1.Config.Entrypoint}}{{println .}}{{end}}' "$image")
  if [ "$replace_cmd" -eq 1 ]; then
    command+=("${arguments[@]}")
  else
    mapfile -t -O "${#command[@]}" command < <(as_root buildah inspect --type image --format '{{range .OCIv1.Config.Cmd}}{{println .}}{{end}}' "$image")
  fi
  [ "${#command[@]}" -gt 0 ] || die "$image has no ENTRYPOINT or CMD"

  WORKING_CONTAINER=$(as_root buildah from --pull=never ${name:+--name "$name"} "$image")
  # The image's USER, WORKDIR and ENV apply; chroot isolation shares the host's network.
  "${AS_ROOT[@]}" buildah run --isolation chroot "${envs[@]}" "$WORKING_CONTAINER" -- "${command[@]}" &
  child=$!
  trap 'stop_container "$child"' TERM INT
  # A trapped signal ends a wait early (status > 128) while buildah still runs: wait again.
  while :; do
    status=0
    wait "$child" || status=$?
    kill -0 "$child" 2>/dev/null || break
  done
  return "$status"
}

# buildah run --isolation chroot answers SIGTERM by killing its command outright, so the signal goes to
# the container's own processes instead (a silo then leaves the cluster gracefully, as a pod does);
# buildah run ends when they do.
stop_container() {
  local pids
  pids=$(container_processes "$1")
  if [ -n "$pids" ]; then
    # shellcheck disable=SC2086 # one word per pid
    as_root kill -TERM $pids 2>/dev/null || true
  else
    kill -TERM "$1" 2>/dev/null || true
  fi
}

# The descendants of a process that are neither buildah's helpers (buildah-chroot-runtime,
# buildah-chroot-exec) nor sudo.
container_processes() {
  local kid
  for kid in $(ps -o pid= --ppid "$1"); do
    case "$(ps -o args= -p "$kid")" in
      buildah*|sudo*) ;;
      *) echo "$kid" ;;
    esac
    container_processes "$kid"
  done
}

main() {
  case "${1:-}" in
    base) make_base ;;
    build) shift; build "$@" ;;
    run) shift; run "$@" ;;
    *) die "usage: build-local.sh base | build [--app DIR] [--dockerfile silo-cpu|silo-cuda|client] [--tag NAME] | run IMAGE [--name NAME] [--env KEY=VALUE]... [-- ARGUMENTS...]" ;;
  esac
}

main "$@"
