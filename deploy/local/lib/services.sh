# shellcheck shell=bash
# The Vigil services (deploy/local/services.conf), their configuration, and the first bootstrap.

ADMIN_TOKEN_FILE="$VIGIL_HOME/admin-token"
# otlp-receiver's second listener (OTLP/gRPC); its HTTP port (OTLP/HTTP, health) is in services.conf.
OTLP_GRPC_PORT=${VIGIL_OTLP_GRPC_PORT:-4317}
DSN_FILE="$VIGIL_HOME/dsn"

SVC_NAMES=()
declare -A SVC_MODULE SVC_PORT SVC_PORT_VAR
while read -r _name _module _port_var _port _; do
  case "$_name" in '' | \#*) continue ;; esac
  SVC_NAMES+=("$_name")
  SVC_MODULE[$_name]=$_module
  SVC_PORT_VAR[$_name]=$_port_var
  SVC_PORT[$_name]=${!_port_var:-$_port}
done <"$LOCAL_DIR/services.conf"
unset _name _module _port_var _port _
SVC_ALL=("${SVC_NAMES[@]}") # status and down always cover every service

# VIGIL_SERVICES="a b" (or a,b) starts only those services.
if [ -n "${VIGIL_SERVICES:-}" ]; then
  read -r -a _wanted <<<"${VIGIL_SERVICES//,/ }"
  for _name in "${_wanted[@]}"; do
    [ -n "${SVC_MODULE[$_name]:-}" ] || die "VIGIL_SERVICES: unknown service '$_name' (see deploy/local/services.conf)"
  done
  SVC_NAMES=("${_wanted[@]}")
  unset _wanted _name
fi

svc_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$VIGIL_ROOT" "${SVC_MODULE[$1]}"; }
svc_pid() { component_pid "$1" "$(svc_jar "$1")"; }
svc_health_url() { printf 'http://localhost:%s/q/health/ready' "${SVC_PORT[$1]}"; }
svc_healthy() { http_ok "$(svc_health_url "$1")"; }
svc_port() { printf '%s' "${SVC_PORT[$1]:-}"; }

admin_token() {
  if [ -n "${VIGIL_ADMIN_TOKEN:-}" ]; then
    printf '%s' "$VIGIL_ADMIN_TOKEN"
    return 0
  fi
  if [ ! -s "$ADMIN_TOKEN_FILE" ]; then
    (umask 077 && python3 -c 'import secrets;print(secrets.token_urlsafe(32))' >"$ADMIN_TOKEN_FILE")
  fi
  chmod 600 "$ADMIN_TOKEN_FILE"
  cat "$ADMIN_TOKEN_FILE"
}

# Configuration shared by every service (the same names as in the Helm chart).
stack_env() {
  local db=${1:-vigil}
  printf '%s\n' \
    "KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT" \
    "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://localhost:$PG_PORT/$db" \
    "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$PG_PORT/$db" \
    "QUARKUS_DATASOURCE_USERNAME=$PG_DB_USER" \
    "QUARKUS_DATASOURCE_PASSWORD=$PG_DB_PASSWORD" \
    "VIGIL_CLICKHOUSE_URL=$(ch_jdbc_url)"
}

build_services() {
  local log
  log=$(log_file build)
  step "building the services (mvn -B -q -DskipTests install; log: $log)"
  (cd "$VIGIL_ROOT" && mvn -B -q -Dstyle.color=never -DskipTests install >"$log" 2>&1 9>&-) ||
    die_log build "the build failed"
}

# svc_env <name>: the service's environment, one VAR=value a line (also used by bench/sizing/run.sh).
svc_env() {
  local name=$1 port=${SVC_PORT[$1]}
  stack_env vigil
  printf '%s\n' "VIGIL_ADMIN_TOKEN=$(admin_token)" "QUARKUS_HTTP_PORT=$port" "${SVC_PORT_VAR[$name]}=$port"
  if [ "$name" = otlp-receiver ]; then
    printf '%s\n' "VIGIL_OTLP_GRPC_PORT=$OTLP_GRPC_PORT"
  fi
  # Invitation links and alert notifications point at the UI.
  case "$name" in query-service | alert-service) printf '%s\n' "VIGIL_UI_PUBLIC_URL=http://localhost:${SVC_PORT[web-ui]}" ;; esac
  if [ "$name" = web-ui ]; then
    # The UI's one origin forwards /api to these two services.
    printf '%s\n' "VIGIL_QUERY_SERVICE_URL=http://localhost:${SVC_PORT[query-service]}" \
      "VIGIL_ALERT_SERVICE_URL=http://localhost:${SVC_PORT[alert-service]}"
  fi
}

svc_start() {
  local name=$1 jar pid port envs=()
  jar=$(svc_jar "$name")
  port=${SVC_PORT[$name]}
  if pid=$(svc_pid "$name"); then
    step "$name already running (pid $pid)"
    return 0
  fi
  [ -f "$jar" ] || die "$name is not built ($jar missing); run ./vigil up without --no-build"
  require_free_port "$port" "$name (${SVC_PORT_VAR[$name]})"
  if [ "$name" = otlp-receiver ]; then
    require_free_port "$OTLP_GRPC_PORT" "otlp-receiver's OTLP/gRPC listener (VIGIL_OTLP_GRPC_PORT)"
  fi
  mapfile -t envs < <(svc_env "$name")
  step "starting $name on http://localhost:$port"
  # shellcheck disable=SC2086 # java options are a word list
  launch "$name" "$VIGIL_HOME" env "${envs[@]}" java $SERVICE_JAVA_OPTS -jar "$jar"
  STARTED+=("$name")
}

svc_wait() {
  local name=$1
  svc_healthy "$name" && return 0
  step "waiting for $name ($(svc_health_url "$name"))"
  wait_for "$name" "$(svc_jar "$name")" "$SERVICE_TIMEOUT" svc_healthy "$name"
}

# Start every service (they warm up concurrently), then wait for each to be ready.
services_start() {
  local name
  for name in "${SVC_NAMES[@]}"; do svc_start "$name"; done
  for name in "${SVC_NAMES[@]}"; do svc_wait "$name"; done
}

# services_stop: stop every running service, last first; returns 1 when none was running.
services_stop() {
  local i rc=1
  for ((i = ${#SVC_ALL[@]} - 1; i >= 0; i--)); do
    stop_component "${SVC_ALL[$i]}" "$(svc_jar "${SVC_ALL[$i]}")" 30 && rc=0
  done
  return $rc
}

# Create the default organization/project/key through query-service (409: it already exists).
bootstrap_project() {
  local base="http://localhost:${SVC_PORT[query-service]}/api/v1/projects" token body code out
  token=$(admin_token)
  step "bootstrapping organization/project 'default'"
  body=$(mktemp)
  code=$(curl -sS -o "$body" -w '%{http_code}' --max-time 30 -X POST "$base" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data '{"organization":"default","slug":"default","name":"Default","platform":"other"}' 2>&1) || code="curl failed: $code"
  case "$code" in
    201) ;;
    409)
      info "project 'default' already exists"
      code=$(curl -sS -o "$body" -w '%{http_code}' --max-time 30 "$base" -H "Authorization: Bearer $token" 2>&1) ||
        code="curl failed: $code"
      [ "$code" = 200 ] || { rm -f "$body"; die_log query-service "GET $base answered $code"; }
      ;;
    *)
      out=$(head -c 500 "$body")
      rm -f "$body"
      die_log query-service "POST $base answered $code${out:+: $out}"
      ;;
  esac
  out=$(python3 - "$body" 2>&1 <<'EOF'
import json, sys
data = json.load(open(sys.argv[1]))
if isinstance(data, dict) and "slug" not in data:
    data = data.get("items") or data.get("projects") or data.get("data") or []
projects = data if isinstance(data, list) else [data]
for p in projects:
    if p.get("slug") == "default" and p.get("keys"):
        print(p["keys"][0]["dsn"])
        break
else:
    sys.exit("no project 'default' with a key in: " + json.dumps(data)[:300])
EOF
  ) || { rm -f "$body"; die_log query-service "unexpected answer from $base: $out"; }
  rm -f "$body"
  printf '%s\n' "$out" >"$DSN_FILE"
}

# The first owner of the 'default' organization, created once while no user exists. Its password is
# printed once, in the summary, and stored nowhere (change it after the first login).
OWNER_CREATED=""
bootstrap_owner() {
  local url="http://localhost:${SVC_PORT[query-service]}/api/v1/bootstrap/owner" email password body code
  email=${VIGIL_OWNER_EMAIL:-owner@vigil.local}
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
  body=$(python3 -c 'import json, sys; print(json.dumps({"email": sys.argv[1], "password": sys.argv[2], "organization": "default"}))' \
    "$email" "$password")
  code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 30 -X POST "$url" \
    -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' --data "$body" 2>&1) ||
    code="curl failed: $code"
  case "$code" in
    200 | 201) OWNER_CREATED="$email / $password" ;;
    409) info "an owner already exists (log in with your account)" ;;
    *) die_log query-service "POST $url answered $code" ;;
  esac
}

# The public key of a DSN (http://<key>@host:port/<project>): what OTLP exporters send as their bearer token.
dsn_public_key() {
  local dsn=${1#*://}
  printf '%s' "${dsn%%@*}"
}

print_summary() {
  local infra_only=$1
  echo
  echo "Vigil local stack is up."
  if [ "$infra_only" = 0 ]; then
    [ -s "$DSN_FILE" ] && printf '  %-22s %s\n' "Sentry DSN" "$(cat "$DSN_FILE")"
    printf '  %-22s %s\n' "Web UI" "http://localhost:${SVC_PORT[web-ui]:-8080}  (log in with your account)"
    printf '  %-22s %s\n' "Query API" "http://localhost:${SVC_PORT[query-service]:-8013}/api/v1"
    printf '  %-22s %s\n' "Ingest (Sentry)" "http://localhost:${SVC_PORT[ingest-gateway]:-8010}"
    printf '  %-22s %s\n' "OTLP/gRPC" "http://localhost:$OTLP_GRPC_PORT"
    printf '  %-22s %s\n' "OTLP/HTTP" "http://localhost:${SVC_PORT[otlp-receiver]:-4318}  (/v1/traces, /v1/metrics, /v1/logs)"
    [ -s "$DSN_FILE" ] && printf '  %-22s %s\n' "OTLP header" "Authorization: Bearer $(dsn_public_key "$(cat "$DSN_FILE")")  (OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20<key>)"
    if [ -n "$OWNER_CREATED" ]; then
      printf '  %-22s %s\n' "Owner (shown once)" "$OWNER_CREATED  (log in to the Web UI; change the password)"
    fi
    if [ -n "${VIGIL_ADMIN_TOKEN:-}" ]; then
      printf '  %-22s %s\n' "Admin token" "from VIGIL_ADMIN_TOKEN"
    else
      printf '  %-22s %s\n' "Admin token file" "$ADMIN_TOKEN_FILE"
    fi
  fi
  printf '  %-22s %s\n' "Kafka" "$KAFKA_BOOTSTRAP"
  printf '  %-22s %s\n' "PostgreSQL" "postgresql://$PG_DB_USER:$PG_DB_PASSWORD@localhost:$PG_PORT/vigil"
  printf '  %-22s %s\n' "ClickHouse HTTP" "$(ch_http_url)  (JDBC: $(ch_jdbc_url))"
  printf '  %-22s %s\n' "Logs" "$LOG_DIR  (./vigil logs <component>)"
}
