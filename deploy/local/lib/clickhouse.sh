# shellcheck shell=bash
# The ClickHouse HTTP endpoint: chDB behind a small Node server (deploy/local/clickhouse-chdb),
# unless VIGIL_CLICKHOUSE_URL points the stack at a real ClickHouse server.

CHDB_DIR="${VIGIL_CHDB_DIR:-$LOCAL_DIR/clickhouse-chdb}"
CH_DATA="$VIGIL_HOME/clickhouse"
CH_MARKER="--data $CH_DATA" # appears on the server's command line
CH_EXTERNAL_URL="${VIGIL_CLICKHOUSE_URL:-}"

ch_external() { [ -n "$CH_EXTERNAL_URL" ]; }

# JDBC URL handed to the services and tests.
ch_jdbc_url() {
  if ch_external; then
    printf '%s' "$CH_EXTERNAL_URL"
  else
    printf 'jdbc:clickhouse:http://localhost:%s/default?compress=false' "$CH_PORT"
  fi
}

# HTTP base URL (for /ping), derived from the JDBC URL for an external server.
ch_http_url() {
  if ch_external; then
    printf '%s' "$CH_EXTERNAL_URL" | sed -E 's#^jdbc:(clickhouse|ch):##; s#^(https?://[^/?]*).*#\1#'
  else
    printf 'http://127.0.0.1:%s' "$CH_PORT"
  fi
}

ch_healthy() { curl -sf --max-time 3 "$(ch_http_url)/ping" 2>/dev/null | grep -q 'Ok'; }

ch_pid() { component_pid clickhouse "$CH_MARKER"; }

ch_ensure_deps() {
  ch_external && return 0
  [ -f "$CHDB_DIR/server.js" ] ||
    die "the chDB ClickHouse endpoint is missing ($CHDB_DIR/server.js); set VIGIL_CLICKHOUSE_URL to use a ClickHouse server instead"
  npm_ci "$CHDB_DIR" clickhouse-chdb
}

ch_start() {
  local pid
  if ch_external; then
    step "using the external ClickHouse at $CH_EXTERNAL_URL (VIGIL_CLICKHOUSE_URL)"
    ch_healthy || warn "$(ch_http_url)/ping does not answer Ok."
    return 0
  fi
  if pid=$(ch_pid); then
    wait_for clickhouse "$CH_MARKER" 60 ch_healthy
    step "ClickHouse endpoint already running (pid $pid)"
    return 0
  fi
  require_free_port "$CH_PORT" "the ClickHouse endpoint (VIGIL_CLICKHOUSE_PORT)"
  ch_ensure_deps
  mkdir -p "$CH_DATA"
  step "starting the ClickHouse endpoint (chDB) on http://localhost:$CH_PORT"
  launch clickhouse "$CHDB_DIR" node "$CHDB_DIR/server.js" --port "$CH_PORT" --data "$CH_DATA"
  STARTED+=(clickhouse)
  wait_for clickhouse "$CH_MARKER" 90 ch_healthy
}

# The tests' ClickHouse database goes with the PostgreSQL one (pg_recreate_test_db): project ids start
# again at 1 there, and events left in ClickHouse under the same ids would show up in new tests' projects.
ch_recreate_test_db() {
  step "dropping ClickHouse database vigil_test (the tests migrate it again)"
  curl -sSf --max-time 60 "$(ch_http_url)/" --data-binary 'DROP DATABASE IF EXISTS vigil_test' \
    >>"$(log_file clickhouse)" 2>&1 || die_log clickhouse "dropping database vigil_test failed"
}

ch_stop() { ch_external && return 1; stop_component clickhouse "$CH_MARKER" 20; }
