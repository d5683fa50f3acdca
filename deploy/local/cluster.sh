#!/usr/bin/env bash
# Local multi-silo EvoGrains cluster on loopback: one redis-server (clustering + grain storage)
# and N silo processes. Silo 0 is marked GPU-capable, the others CPU-only.
#
#   deploy/local/cluster.sh start [N]   build (Release) if needed, start redis and N silos (default 3)
#   deploy/local/cluster.sh stop        stop every silo (SIGTERM, SIGKILL after a timeout) and redis
#   deploy/local/cluster.sh status      what runs, with ports
#   deploy/local/cluster.sh kill <i>    kill -9 silo i (fault injection)
#   deploy/local/cluster.sh restart <i> start silo i again on its ports
#
# Environment (defaults): EVOGRAINS_STATE_DIR (.evograins/local-cluster under the repo root),
# EVOGRAINS_REDIS_PORT (6380), EVOGRAINS_SILO_PORT_BASE (11111), EVOGRAINS_GATEWAY_PORT_BASE (30000),
# EVOGRAINS_HTTP_PORT_BASE (8080), EVOGRAINS_ALLOW_CPU_TRAINERS (false), EVOGRAINS_STOP_TIMEOUT (20 s),
# EVOGRAINS_READY_TIMEOUT (90 s), EVOGRAINS_DASHBOARD (false), EVOGRAINS_REBUILD (0; 1 forces a build).
# The silos inherit the environment: EvoGrains__Web__AccessToken=<token> lets the web page pause, resume and cancel.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
STATE_DIR="${EVOGRAINS_STATE_DIR:-${REPO_ROOT}/.evograins/local-cluster}"
REDIS_PORT="${EVOGRAINS_REDIS_PORT:-6380}"
SILO_PORT_BASE="${EVOGRAINS_SILO_PORT_BASE:-11111}"
GATEWAY_PORT_BASE="${EVOGRAINS_GATEWAY_PORT_BASE:-30000}"
HTTP_PORT_BASE="${EVOGRAINS_HTTP_PORT_BASE:-8080}"
ALLOW_CPU_TRAINERS="${EVOGRAINS_ALLOW_CPU_TRAINERS:-false}"
STOP_TIMEOUT="${EVOGRAINS_STOP_TIMEOUT:-20}"
READY_TIMEOUT="${EVOGRAINS_READY_TIMEOUT:-90}"
DASHBOARD="${EVOGRAINS_DASHBOARD:-false}"
REBUILD="${EVOGRAINS_REBUILD:-0}"
SILO_DLL="${REPO_ROOT}/src/EvoGrains.Silo/bin/Release/net10.0/EvoGrains.Silo.dll"

log() { printf 'cluster: %s\n' "$*"; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# pid_alive FILE: the pid in FILE names a running process.
pid_alive() {
  local file="$1" pid
  [[ -f "${file}" ]] || return 1
  pid="$(cat "${file}")"
  [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null
}

silo_count() {
  if [[ -f "${STATE_DIR}/silos" ]]; then cat "${STATE_DIR}/silos"; else echo 0; fi
}

port_of() { # port_of silo|gateway|http INDEX
  local kind="$1" i="$2"
  case "${kind}" in
    silo) echo $((SILO_PORT_BASE + i)) ;;
    gateway) echo $((GATEWAY_PORT_BASE + i)) ;;
    http) echo $((HTTP_PORT_BASE + i)) ;;
    *) die "unknown port kind ${kind}" ;;
  esac
}

ensure_built() {
  if [[ "${REBUILD}" == "1" || ! -f "${SILO_DLL}" ]]; then
    command -v dotnet >/dev/null || die "dotnet is not on PATH"
    log "building src/EvoGrains.Silo (Release)"
    dotnet build "${REPO_ROOT}/src/EvoGrains.Silo/EvoGrains.Silo.csproj" -c Release -nologo -v quiet >/dev/null
  fi
}

start_redis() {
  local pidfile="${STATE_DIR}/redis.pid"
  if pid_alive "${pidfile}"; then
    log "redis already running (pid $(cat "${pidfile}"), port ${REDIS_PORT})"
    return
  fi
  command -v redis-server >/dev/null || die "redis-server is not installed (apt-get install redis-server)"
  mkdir -p "${STATE_DIR}/redis"
  # Append-only file: stop + start keeps every search.
  redis-server --port "${REDIS_PORT}" --bind 127.0.0.1 --dir "${STATE_DIR}/redis" \
    --appendonly yes --save "" --daemonize no >"${STATE_DIR}/redis.log" 2>&1 &
  echo $! >"${pidfile}"
  local waited=0
  until redis-cli -p "${REDIS_PORT}" ping >/dev/null 2>&1; do
    pid_alive "${pidfile}" || die "redis-server exited; see ${STATE_DIR}/redis.log"
    ((waited += 1))
    ((waited <= 100)) || die "redis-server did not answer on port ${REDIS_PORT} within 10 s"
    sleep 0.1
  done
  log "redis on 127.0.0.1:${REDIS_PORT} (pid $(cat "${pidfile}"))"
}

start_silo() {
  local i="$1"
  local pidfile="${STATE_DIR}/silo-${i}.pid" accelerator=cpu
  if pid_alive "${pidfile}"; then
    log "silo ${i} already running (pid $(cat "${pidfile}"))"
    return
  fi
  [[ "${i}" == "0" ]] && accelerator=gpu
  local silo_port gateway_port http_port
  silo_port="$(port_of silo "${i}")"
  gateway_port="$(port_of gateway "${i}")"
  http_port="$(port_of http "${i}")"
  (
    cd "${STATE_DIR}"
    export EvoGrains__Clustering__Provider=redis \
      EvoGrains__Clustering__ConnectionString="127.0.0.1:${REDIS_PORT}" \
      EvoGrains__Storage__Provider=redis \
      EvoGrains__Storage__ConnectionString="127.0.0.1:${REDIS_PORT}" \
      EvoGrains__Silo__SiloPort="${silo_port}" \
      EvoGrains__Silo__GatewayPort="${gateway_port}" \
      EvoGrains__Silo__AdvertisedIPAddress=127.0.0.1 \
      EvoGrains__Silo__Accelerator="${accelerator}" \
      EvoGrains__Placement__AllowCpuTrainers="${ALLOW_CPU_TRAINERS}" \
      EvoGrains__Dashboard__Enabled="${DASHBOARD}" \
      ASPNETCORE_URLS="http://127.0.0.1:${http_port}"
    exec dotnet "${SILO_DLL}" >>"${STATE_DIR}/silo-${i}.log" 2>&1
  ) &
  echo $! >"${pidfile}"
  printf '%s %s %s %s\n' "${i}" "${silo_port}" "${gateway_port}" "${http_port}" >"${STATE_DIR}/silo-${i}.ports"
  log "silo ${i} (${accelerator}) starting: pid $(cat "${pidfile}"), silo ${silo_port}, gateway ${gateway_port}, http ${http_port}"
}

wait_ready() {
  local i="$1" url deadline
  url="http://127.0.0.1:$(port_of http "${i}")/health/ready"
  deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fsS -o /dev/null "${url}" 2>/dev/null; do
    pid_alive "${STATE_DIR}/silo-${i}.pid" || die "silo ${i} exited; see ${STATE_DIR}/silo-${i}.log"
    ((SECONDS < deadline)) || die "silo ${i} not ready at ${url} within ${READY_TIMEOUT} s; see ${STATE_DIR}/silo-${i}.log"
    sleep 0.5
  done
  log "silo ${i} ready (${url})"
}

# stop_pid FILE NAME: SIGTERM, then SIGKILL after STOP_TIMEOUT seconds.
stop_pid() {
  local file="$1" name="$2" pid waited=0
  if ! pid_alive "${file}"; then
    rm -f "${file}"
    return
  fi
  pid="$(cat "${file}")"
  kill -TERM "${pid}" 2>/dev/null || true
  while kill -0 "${pid}" 2>/dev/null; do
    if ((waited >= STOP_TIMEOUT * 10)); then
      log "${name} (pid ${pid}) still running after ${STOP_TIMEOUT} s: SIGKILL"
      kill -KILL "${pid}" 2>/dev/null || true
      break
    fi
    sleep 0.1
    ((waited += 1))
  done
  rm -f "${file}"
  log "stopped ${name} (pid ${pid})"
}

require_index() {
  local i="${1:-}" n
  [[ "${i}" =~ ^[0-9]+$ ]] || die "expected a silo index, got '${i}'"
  n="$(silo_count)"
  ((i < n)) || die "no silo ${i} (the cluster was started with ${n})"
}

cmd_start() {
  local n="${1:-3}" i
  [[ "${n}" =~ ^[1-9][0-9]*$ ]] || die "start: N must be a positive integer, got '${n}'"
  mkdir -p "${STATE_DIR}"
  local previous
  previous="$(silo_count)"
  ((n >= previous)) || n="${previous}"
  ensure_built
  start_redis
  echo "${n}" >"${STATE_DIR}/silos"
  for ((i = 0; i < n; i++)); do start_silo "${i}"; done
  for ((i = 0; i < n; i++)); do wait_ready "${i}"; done
  log "cluster of ${n} silos is up (trainers on CPU silos: ${ALLOW_CPU_TRAINERS}); state in ${STATE_DIR}"
  cat <<HINT

Submit a search (any gateway works):
  evograins submit --spec specs/quickstart.json --gateway 127.0.0.1:$(port_of gateway 0)
  (from the repo: dotnet run --project src/EvoGrains.Cli -c Release -- submit --spec specs/quickstart.json --gateway 127.0.0.1:$(port_of gateway 0))
Then: evograins watch <id> --gateway 127.0.0.1:$(port_of gateway 0)
Or follow it in a browser (any silo's HTTP port): http://127.0.0.1:$(port_of http 0)/
HINT
}

cmd_stop() {
  local n i
  n="$(silo_count)"
  for ((i = 0; i < n; i++)); do stop_pid "${STATE_DIR}/silo-${i}.pid" "silo ${i}"; done
  stop_pid "${STATE_DIR}/redis.pid" "redis"
  rm -f "${STATE_DIR}/silos"
  log "stopped"
}

cmd_status() {
  local n i state ports
  if pid_alive "${STATE_DIR}/redis.pid"; then
    echo "redis    running  pid $(cat "${STATE_DIR}/redis.pid")  port ${REDIS_PORT}"
  else
    echo "redis    stopped"
  fi
  n="$(silo_count)"
  for ((i = 0; i < n; i++)); do
    ports="silo $(port_of silo "${i}")  gateway $(port_of gateway "${i}")  http $(port_of http "${i}")"
    if pid_alive "${STATE_DIR}/silo-${i}.pid"; then
      state="running  pid $(cat "${STATE_DIR}/silo-${i}.pid")"
      if curl -fsS -o /dev/null "http://127.0.0.1:$(port_of http "${i}")/health/ready" 2>/dev/null; then state="${state} ready"; fi
    else
      state="stopped"
    fi
    echo "silo ${i}   ${state}  ${ports}"
  done
}

cmd_kill() {
  require_index "${1:-}"
  local file="${STATE_DIR}/silo-$1.pid"
  if pid_alive "${file}"; then
    kill -KILL "$(cat "${file}")"
    log "killed silo $1 (kill -9, pid $(cat "${file}"))"
  else
    log "silo $1 is not running"
  fi
  rm -f "${file}"
}

cmd_restart() {
  require_index "${1:-}"
  ensure_built
  pid_alive "${STATE_DIR}/redis.pid" || start_redis
  start_silo "$1"
  wait_ready "$1"
}

main() {
  local command="${1:-}"
  shift || true
  case "${command}" in
    start) cmd_start "$@" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    kill) cmd_kill "$@" ;;
    restart) cmd_restart "$@" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 64 ;;
  esac
}

main "$@"
