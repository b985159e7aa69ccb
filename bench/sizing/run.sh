#!/usr/bin/env bash
# bench/sizing/run.sh: memory and CPU of the six services under load, each with the memory limit a container
# would give it (simulated with -XX:MaxRAM), for Kubernetes requests and limits. See bench/README.md, "Memory
# and CPU per service"; results in docs/benchmarks.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/sizing/run.sh [load|startup|large-otlp] [options]

  load        (default) all six services at once: idle minute, steady load, bursts, drain, one more minute
  startup     each service alone, one after the other: time, CPU and RSS until /q/health/ready
  large-otlp  otlp-receiver alone, sent very large OTLP/HTTP log exports (--requests)

Options:
  --limit <service>=<MiB>[/<heap %>]  memory limit (-XX:MaxRAM) and MaxRAMPercentage; repeatable
                     (default: ingest-gateway and otlp-receiver 512/50, event-processor 768/40,
                     query-service 640/50, alert-service 384/40, web-ui 256/50)
  --java-opts "<flags>"   more JVM flags for every service
  --env VAR=VALUE         more environment for every service (e.g. MALLOC_ARENA_MAX=2); repeatable
  --nmt                   Native Memory Tracking and its snapshots (adds 7-10 MiB RSS per service)
  --out DIR               run directory (default: .vigil/bench-sizing/<mode>-<date>-<time>)
  --no-copy               run the jars from <module>/target/quarkus-app instead of a copy
  load:
  --quick                 a short check of the procedure: 15 s idle, 60 s steady, 3-5 s bursts, 15 s after
  --steady S              seconds of steady load (300)
  --read-project SLUG     project the UI/API reads go to (bench-ui, seeded as in bench/README.md;
                          the sizing project if it does not exist)
  --read-threads N        concurrent readers (4)
  large-otlp:
  --requests "SPEC..."    json:<MiB>[x<at once>] (OTLP/JSON, 1 KB log records) or pb:<records>
                          (protobuf, OtlpBenchmark's log records); default
                          "json:8 json:16 json:16x2 json:32 json:60 pb:200000 pb:400000"

Needs the local infrastructure (./vigil up --infra-only), the services built (mvn -B -q -o install -DskipTests),
the bench programs (mvn -q -o -f bench/pom.xml package), wrk and jcmd; the service ports free.
Tables of one or more runs: python3 bench/sizing/tables.py <run dir>[=<label>]...
EOF
}

SIZING_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VIGIL_ROOT=$(cd "$SIZING_DIR/../.." && pwd)
LOCAL_DIR=$VIGIL_ROOT/deploy/local
STARTED=()
for lib in common kafka postgres clickhouse services test; do
  # shellcheck source=/dev/null
  source "$LOCAL_DIR/lib/$lib.sh"
done
# shellcheck source=bench/sizing/lib.sh
source "$SIZING_DIR/lib.sh"

COMMAND=$(printf '%q ' "$0" "$@") # kept in the run directory
MODE=load
case "${1:-}" in load | startup | large-otlp) MODE=$1 && shift ;; esac
OUT="" QUICK=0 STEADY="" READ_PROJECT=bench-ui READ_THREADS=4
REQUESTS="json:8 json:16 json:16x2 json:32 json:60 pb:200000 pb:400000"
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) set_limit "$2" && shift ;;
    --java-opts) read -r -a EXTRA_JAVA_OPTS <<<"$2" && shift ;;
    --env) EXTRA_ENV+=("$2") && shift ;;
    --nmt) NMT=1 ;;
    --out) OUT=$2 && shift ;;
    --no-copy) COPY_APPS=0 ;;
    --quick) QUICK=1 ;;
    --steady) STEADY=$2 && shift ;;
    --read-project) READ_PROJECT=$2 && shift ;;
    --read-threads) READ_THREADS=$2 && shift ;;
    --requests) REQUESTS=$2 && shift ;;
    -h | --help) usage && exit 0 ;;
    *) usage >&2 && die "unknown option: $1" ;;
  esac
  shift
done
if [ -z "$STEADY" ]; then STEADY=$([ "$QUICK" = 1 ] && echo 60 || echo 300); fi

require_cmds java jcmd curl python3 wrk
BENCH=(java -Xmx256m -cp "$VIGIL_ROOT/bench/target/classes")
[ -f "$VIGIL_ROOT/bench/target/classes/dev/vigil/bench/otlp/OtlpBenchmark.class" ] ||
  die "the bench programs are not built: mvn -q -o -f bench/pom.xml package"
if ! { ch_healthy && port_open "$KAFKA_PORT" && port_open "$PG_PORT"; }; then
  die "the infrastructure is not running: ./vigil up --infra-only"
fi
CH_URL=$(ch_http_url)
TOKEN=$(admin_token)
export VIGIL_ADMIN_TOKEN=$TOKEN # the Python clients read it from the environment, not their arguments

# Kafka's, PostgreSQL's and the chDB endpoint's pids (from ./vigil's pid files) for the sampler, before
# RUN_DIR points at this run.
DEPS=$({
  if pid=$(kafka_pid); then echo "kafka $pid"; fi
  if pid=$(pg_pid); then echo "postgresql $pid"; fi
  if pid=$(ch_pid); then echo "chdb-endpoint $pid"; fi
} || true)

OUT=${OUT:-$VIGIL_HOME/bench-sizing/$MODE-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# shellcheck disable=SC2034 # read by launch, stop_component, die_log (deploy/local/lib/common.sh)
LOG_DIR=$OUT/logs RUN_DIR=$OUT/run
ensure_dirs
echo "$MODE" >"$OUT/mode"
echo "$COMMAND" >"$OUT/command"
printf '%s\n' "$DEPS" >"$OUT/deps"
declare -A BG=()  # background helpers by name
BENCH_TOPICS=0    # 1 while large-otlp's own Kafka topics exist

declare -A EXITED=()
phase() {
  local svc
  echo "$1" >"$OUT/phase"
  echo "$(date +%s.%N) $1" >>"$OUT/timeline"
  step "$(date +%T) $1"
  # A service that died (ExitOnOutOfMemoryError) is the result, not a reason to stop: say so as soon as seen.
  for svc in "${STARTED[@]}"; do
    if [ -z "${EXITED[$svc]:-}" ] && ! pid_alive "$(read_pid "$svc")"; then
      EXITED[$svc]=1
      warn "$svc exited: $(grep -m1 -o 'java.lang.OutOfMemoryError.*' "$OUT/logs/$svc.log" || echo "see $OUT/logs/$svc.log")"
    fi
  done
}
bg() { # bg <name> <command...>: a helper in the background, its output in <name>.log
  local name=$1
  shift
  "$@" >"$OUT/$name.log" 2>&1 &
  BG[$name]=$!
}
bg_wait() { wait "${BG[$1]}" || warn "$1 exited with status $? (see $OUT/$1.log)"; unset "BG[$1]"; }

cleanup() {
  local name
  touch "$OUT/stop-reads" "$OUT/stop-sampler"
  for name in "${!BG[@]}"; do
    if [ "$name" != sampler ]; then kill "${BG[$name]}" 2>/dev/null || true; fi
  done
  stop_started
  if [ "$BENCH_TOPICS" = 1 ]; then delete_bench_topics; fi
  if [ -n "${BG[sampler]:-}" ]; then wait "${BG[sampler]}" || true; fi
  rm -rf "$OUT/apps"
  step "results in $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# project_ids <slug> <name> [create]: "<id> <public key> <DSN>" of a project of the default organization
# (query-service must run), empty when missing; created when missing with create=1.
project_ids() {
  local base="http://localhost:${SVC_PORT[query-service]}/api/v1/projects" body
  body=$(curl -sf --max-time 30 -H "Authorization: Bearer $TOKEN" "$base") || die "GET $base failed"
  python3 -c '
import json, sys
for p in json.load(sys.stdin):
    if p["slug"] == sys.argv[1] and p["organization"] == "default" and p["keys"]:
        print(p["id"], p["keys"][0]["publicKey"], p["keys"][0]["dsn"])' "$1" <<<"$body"
  if [ "${3:-0}" = 1 ] && ! grep -q "\"slug\":\"$1\"" <<<"$body"; then
    body=$(curl -sf --max-time 30 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"slug\":\"$1\",\"name\":\"$2\",\"platform\":\"python\"}" "$base") || die "creating project $1 failed"
    python3 -c 'import json, sys; p = json.load(sys.stdin); print(p["id"], p["keys"][0]["publicKey"], p["keys"][0]["dsn"])' <<<"$body"
  fi
}

# Every 2 s; every 0.5 s for the short-lived peaks of single large requests.
bg sampler python3 "$SIZING_DIR/sample.py" "$OUT" "$([ "$MODE" = large-otlp ] && echo 0.5 || echo 2)"
# shellcheck source=bench/sizing/modes.sh
source "$SIZING_DIR/modes.sh"
"mode_${MODE//-/_}"
phase "done"
python3 "$SIZING_DIR/tables.py" "$OUT"
