# shellcheck shell=bash
# The six services as the sizing benchmark runs them: the local stack's environment (svc_env from
# deploy/local/lib/services.sh) plus per-service JVM flags that stand in for a container's memory limit.
# Sourced by bench/sizing/run.sh after deploy/local/lib/*.sh; OUT is the run's directory, and LOG_DIR/RUN_DIR
# point into it, so launch/stop_component/die_log keep this run's logs and pid files apart from ./vigil's.

# Limits (MiB) and heap shares (MaxRAMPercentage): the recommended `resources` of docs/benchmarks.md.
declare -A LIMIT=([ingest-gateway]=512 [otlp-receiver]=512 [event-processor]=768 [query-service]=640
  [alert-service]=384 [web-ui]=256)
declare -A HEAP_PCT=([ingest-gateway]=50 [otlp-receiver]=50 [event-processor]=40 [query-service]=50
  [alert-service]=40 [web-ui]=50)
EXTRA_JAVA_OPTS=() # --java-opts, for every service
EXTRA_ENV=()       # --env VAR=VALUE, for every service
NMT=0              # --nmt: Native Memory Tracking (costs 7-10 MiB of RSS itself)
COPY_APPS=1        # copy the builds first, so a build during the run does not change what runs
declare -A APP_DIR

# set_limit svc=MiB[/percent]
set_limit() {
  local svc=${1%%=*} value=${1#*=}
  [ -n "${SVC_MODULE[$svc]:-}" ] || die "--limit: unknown service '$svc' (one of: ${SVC_ALL[*]})"
  [[ $value =~ ^[0-9]+(/[0-9]+)?$ ]] || die "--limit $1: expected <service>=<MiB>[/<heap percent>]"
  LIMIT[$svc]=${value%/*}
  if [[ $value == */* ]]; then HEAP_PCT[$svc]=${value#*/}; fi
}

prepare_apps() {
  local svc src
  for svc in "$@"; do
    src="$VIGIL_ROOT/${SVC_MODULE[$svc]}/target/quarkus-app"
    [ -f "$src/quarkus-run.jar" ] || die "$svc is not built ($src missing): mvn -B -q -o install -DskipTests"
    if [ "$COPY_APPS" = 1 ]; then
      mkdir -p "$OUT/apps"
      [ -d "$OUT/apps/$svc" ] || cp -a "$src" "$OUT/apps/$svc"
      APP_DIR[$svc]=$OUT/apps/$svc
    else
      APP_DIR[$svc]=$src
    fi
  done
  { git -C "$VIGIL_ROOT" rev-parse HEAD; git -C "$VIGIL_ROOT" status --porcelain | sed 's/^/  changed: /'; } >"$OUT/build"
}

# The run's jar path also marks the process (component_pid), so ./vigil's own services never match.
bench_jar() { printf '%s/quarkus-run.jar' "${APP_DIR[$1]}"; }

# SerialGC explicitly: the JVM picks it itself in any container under ~1.8 GB or 2 CPUs, as the images get it,
# but would pick G1 on a large host.
java_flags() {
  local svc=$1
  printf '%s\n' "-XX:MaxRAM=${LIMIT[$svc]}m" "-XX:MaxRAMPercentage=${HEAP_PCT[$svc]}" -XX:+ExitOnOutOfMemoryError \
    -XX:+UseSerialGC "-Djava.io.tmpdir=$OUT/tmp/$svc" "-Xlog:gc:file=$OUT/gc-$svc.log:uptime,tags"
  if [ "$NMT" = 1 ]; then echo -XX:NativeMemoryTracking=summary; fi
  if [ ${#EXTRA_JAVA_OPTS[@]} -gt 0 ]; then printf '%s\n' "${EXTRA_JAVA_OPTS[@]}"; fi
}

bench_start() {
  local svc=$1 envs flags
  require_free_port "${SVC_PORT[$svc]}" "$svc (${SVC_PORT_VAR[$svc]})"
  if [ "$svc" = otlp-receiver ]; then require_free_port "$OTLP_GRPC_PORT" "otlp-receiver's OTLP/gRPC listener"; fi
  mapfile -t envs < <(svc_env "$svc")
  mapfile -t flags < <(java_flags "$svc")
  if [ ${#EXTRA_ENV[@]} -gt 0 ]; then envs+=("${EXTRA_ENV[@]}"); fi
  mkdir -p "$OUT/tmp/$svc"
  # meta-<svc> is what tables.py reads about the service: its limit, heap share, flags and start-up.
  printf 'limit=%s\nheap_pct=%s\nflags=%s\nstart=%s\n' "${LIMIT[$svc]}" "${HEAP_PCT[$svc]}" "${flags[*]}" \
    "$(date +%s.%N)" >"$OUT/meta-$svc"
  launch "$svc" "$OUT/tmp/$svc" env "${envs[@]}" java "${flags[@]}" -jar "$(bench_jar "$svc")"
  STARTED+=("$svc")
}

# CPU seconds (user + system) and RSS (MiB) of a process.
proc_cpu() { awk -v tck="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$1/stat"; }
proc_rss() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# wait_ready <svc>...: poll every 0.2 s (start-up takes 1-40 s) and note when each becomes ready.
wait_ready() {
  local pending=("$@") left svc pid start deadline=$((SECONDS + 4 * SERVICE_TIMEOUT))
  while [ ${#pending[@]} -gt 0 ]; do
    left=()
    for svc in "${pending[@]}"; do
      pid=$(read_pid "$svc")
      if svc_healthy "$svc"; then
        start=$(sed -n 's/^start=//p' "$OUT/meta-$svc")
        printf 'ready=%s\nready_cpu=%s\nready_rss=%s\n' "$(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN { printf "%.2f", n - s }')" \
          "$(proc_cpu "$pid")" "$(proc_rss "$pid")" >>"$OUT/meta-$svc"
        info "$svc ready after $(sed -n 's/^ready=//p' "$OUT/meta-$svc") s (pid $pid)"
      elif ! pid_alive "$pid"; then
        tail -n 25 "$OUT/logs/$svc.log" >&2
        die "$svc exited during start-up (log: $OUT/logs/$svc.log)"
      else
        left+=("$svc")
      fi
    done
    pending=("${left[@]}")
    ((SECONDS < deadline)) || die "not ready after $((4 * SERVICE_TIMEOUT)) s: ${pending[*]}"
    sleep 0.2
  done
}

# Stop what this run started, last first (SIGTERM, SIGKILL after 15 s).
stop_started() {
  local i
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    stop_component "${STARTED[$i]}" "$(bench_jar "${STARTED[$i]}")" 15 || true
  done
  STARTED=()
}

# snapshot <label>: heap (and NMT) of every running service, for tables.py.
snapshot() {
  local svc pid
  for svc in "${STARTED[@]}"; do
    pid=$(read_pid "$svc")
    pid_alive "$pid" || continue
    { echo "== $svc rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"; jcmd "$pid" GC.heap_info; } >>"$OUT/heap-$1.txt" 2>&1
    if [ "$NMT" = 1 ]; then
      { echo "== $svc rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"; jcmd "$pid" VM.native_memory summary; } \
        >>"$OUT/nmt-$1.txt" 2>&1
    fi
  done
}
