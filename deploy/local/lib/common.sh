# shellcheck shell=bash
# Shared helpers for ./vigil: settings, output, pid files, ports, process start/stop.
# Sourced by ./vigil after VIGIL_ROOT and LOCAL_DIR are set.

# --- settings (environment overrides) -----------------------------------------------------------
VIGIL_HOME="${VIGIL_HOME:-$VIGIL_ROOT/.vigil}"
case "$VIGIL_HOME" in /*) ;; *) VIGIL_HOME="$PWD/$VIGIL_HOME" ;; esac
LOG_DIR="$VIGIL_HOME/logs"
RUN_DIR="$VIGIL_HOME/run"

KAFKA_PORT="${VIGIL_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${VIGIL_KAFKA_CONTROLLER_PORT:-19093}"
PG_PORT="${VIGIL_POSTGRES_PORT:-15432}"
CH_PORT="${VIGIL_CLICKHOUSE_PORT:-18123}"
SERVICE_TIMEOUT="${VIGIL_SERVICE_TIMEOUT:-90}"
SERVICE_JAVA_OPTS="${VIGIL_SERVICE_JAVA_OPTS:--Xmx256m}"

# --- output -------------------------------------------------------------------------------------
step() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }
pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }

# die_log <component> <message>: fail, showing the end of the component's log and where it is.
die_log() {
  local comp=$1 log
  shift
  log=$(log_file "$comp")
  printf 'error: %s\n' "$*" >&2
  if [ -s "$log" ]; then
    printf -- '---- last 25 lines of %s ----\n' "$log" >&2
    tail -n 25 "$log" >&2
    printf -- '----\n' >&2
  fi
  printf 'error: see the full log: %s  (./vigil logs %s)\n' "$log" "$comp" >&2
  exit 1
}

ensure_dirs() { mkdir -p "$LOG_DIR" "$RUN_DIR"; }

is_root() { [ "$(id -u)" = 0 ]; }

require_cmds() {
  local missing=() c
  for c in "$@"; do command -v "$c" >/dev/null 2>&1 || missing+=("$c"); done
  [ ${#missing[@]} -eq 0 ] || die "required command(s) not found on PATH: ${missing[*]}"
}

# One vigil command at a time changes the stack (fd 9; children get it closed by launch()).
take_lock() {
  exec 9>"$RUN_DIR/.lock"
  if ! flock -n 9; then
    die "another ./vigil command is starting or stopping the stack (lock $RUN_DIR/.lock)"
  fi
}
release_lock() { exec 9>&-; }

# --- processes ----------------------------------------------------------------------------------
# pid_alive <pid> [marker]: the process exists, is not a zombie and (if given) its command line
# contains marker; the marker keeps a recycled pid from being mistaken for a component.
pid_alive() {
  local pid=${1:-} marker=${2:-}
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  if [ -r "/proc/$pid/status" ] && grep -q '^State:[[:space:]]*Z' "/proc/$pid/status"; then
    return 1
  fi
  if [ -n "$marker" ] && [ -r "/proc/$pid/cmdline" ]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  fi
  return 0
}

read_pid() { cat "$(pid_file "$1")" 2>/dev/null || true; }

# component_pid <component> <marker>: prints the pid when running; removes a stale pid file.
component_pid() {
  local comp=$1 marker=$2 pid
  pid=$(read_pid "$comp")
  [ -n "$pid" ] || return 1
  if pid_alive "$pid" "$marker"; then
    printf '%s' "$pid"
    return 0
  fi
  rm -f "$(pid_file "$comp")"
  return 1
}

# launch <component> <workdir> <command...>: start detached in its own session, stdout/stderr
# appended to the component's log, pid written to its pid file. Survives the script's exit.
launch() {
  local comp=$1 dir=$2 log pf
  shift 2
  log=$(log_file "$comp")
  pf=$(pid_file "$comp")
  printf '\n===== %s: starting %s =====\n' "$(date '+%F %T')" "$comp" >>"$log"
  (
    cd "$dir" || exit 1
    setsid nohup "$@" >>"$log" 2>&1 </dev/null 9>&- &
    echo $! >"$pf"
  )
}

# stop_component <component> <marker> [timeout seconds]: SIGTERM, wait, then SIGKILL.
# Returns 1 when it was not running.
stop_component() {
  local comp=$1 marker=$2 timeout=${3:-30} pid i
  pid=$(component_pid "$comp" "$marker") || return 1
  step "stopping $comp (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 2; i++)); do
    pid_alive "$pid" || break
    sleep 0.5
  done
  if pid_alive "$pid"; then
    warn "$comp did not stop within ${timeout}s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$comp")"
}

# --- ports and health ---------------------------------------------------------------------------
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

port_owner() {
  if command -v ss >/dev/null 2>&1; then
    ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:(\(.*\))/\1/p' | head -n 1
  fi
}

# require_free_port <port> <what>: fail clearly when something else listens there.
require_free_port() {
  local port=$1 what=$2 owner
  if port_open "$port"; then
    owner=$(port_owner "$port")
    die "port $port (needed for $what) is already in use by another process${owner:+: $owner}; stop it or set the port's environment variable (see deploy/local/README.md)"
  fi
}

http_ok() { curl -sf -o /dev/null --max-time 3 "$1"; }

# wait_for <component> <marker> <timeout s> <check command...>: poll until the check passes; fail
# (with the log) if the process exits or the timeout passes.
wait_for() {
  local comp=$1 marker=$2 timeout=$3 pid start
  shift 3
  start=$SECONDS
  while ! "$@"; do
    pid=$(read_pid "$comp")
    if ! pid_alive "$pid" "$marker"; then
      rm -f "$(pid_file "$comp")"
      die_log "$comp" "$comp exited during startup"
    fi
    if ((SECONDS - start >= timeout)); then
      die_log "$comp" "$comp (pid $pid) is not healthy after ${timeout}s"
    fi
    sleep 1
  done
}

# --- installation -------------------------------------------------------------------------------
apt_install() {
  local log
  log=$(log_file apt)
  step "installing $* with apt-get (log: $log)"
  local sudo=()
  if ! is_root; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      die "$* is not installed and this is not root; install it (apt-get install $*) and re-run"
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  { "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q --no-install-recommends "$@"; } \
    >>"$log" 2>&1 9>&- || die_log apt "apt-get install $* failed"
}

# npm_ci <dir>: install a Node package's dependencies when missing or older than its lock file.
npm_ci() {
  local dir=$1 name=$2 log
  [ -f "$dir/package.json" ] || return 0
  if [ -d "$dir/node_modules" ] && [ -f "$dir/node_modules/.package-lock.json" ] &&
    { [ ! -f "$dir/package-lock.json" ] || [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; }; then
    return 0
  fi
  log=$(log_file "npm-$name")
  step "installing Node dependencies of ${dir#"$VIGIL_ROOT"/} (npm ci)"
  if [ -f "$dir/package-lock.json" ]; then
    npm ci --prefix "$dir" --no-audit --no-fund >"$log" 2>&1 9>&- || die_log "npm-$name" "npm ci in $dir failed"
  else
    npm install --prefix "$dir" --no-audit --no-fund >"$log" 2>&1 9>&- || die_log "npm-$name" "npm install in $dir failed"
  fi
}
