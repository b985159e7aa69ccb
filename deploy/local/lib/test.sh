# shellcheck shell=bash
# ./vigil test: the whole test suite against the local stack (what CI runs, via .ci/run).

VENV_DIR="$VIGIL_HOME/venv"
TEST_RESULT=""

test_setup_python() {
  local req="$VIGIL_ROOT/e2e/python/requirements.txt" stamp="$VENV_DIR/.requirements.sha256" sum log
  log=$(log_file venv)
  if [ ! -x "$VENV_DIR/bin/python" ]; then
    step "creating the Python virtualenv $VENV_DIR"
    if ! python3 -m venv "$VENV_DIR" >"$log" 2>&1; then
      rm -rf "$VENV_DIR"
      apt_install python3-venv
      python3 -m venv "$VENV_DIR" >"$log" 2>&1 || die_log venv "python3 -m venv failed"
    fi
  fi
  if [ ! -f "$req" ]; then
    info "no e2e/python/requirements.txt; the virtualenv has no extra packages"
    return 0
  fi
  sum=$(sha256sum "$req" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then return 0; fi
  step "installing e2e/python/requirements.txt into the virtualenv"
  "$VENV_DIR/bin/python" -m pip install -q --disable-pip-version-check -r "$req" >>"$log" 2>&1 ||
    die_log venv "pip install -r e2e/python/requirements.txt failed"
  echo "$sum" >"$stamp"
}

# The browser tests (e2e WebUiJourneyTest) drive Debian's own Chromium through playwright-core: the
# browser comes from apt, never from a test tool's download. fonts-liberation gives pages their usual
# metric-compatible fonts, so screenshots look like a user's browser.
test_setup_browser() {
  [ -x /usr/bin/chromium ] && return 0
  apt_install chromium fonts-liberation
}

# The side-by-side PromQL test (libs/storage PrometheusSideBySideTest) runs Debian's Prometheus (2.42) and
# promtool from apt; it needs only the binaries and starts its own server on a free port. Where systemd
# runs, the package also enables and starts a prometheus service (port 9090, scraping itself): we installed
# it for the binaries, so that service is stopped and disabled again (in containers policy-rc.d keeps it
# from starting at all).
test_setup_prometheus() {
  [ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ] && return 0
  apt_install prometheus
  if [ -d /run/systemd/system ]; then
    local sudo=()
    is_root || sudo=(sudo -n)
    "${sudo[@]}" systemctl disable --now prometheus.service >>"$(log_file apt)" 2>&1 ||
      warn "could not stop the prometheus service the package started (harmless: the tests use their own port)"
  fi
}

# The services' container images are built and inspected with the tests (-Pimages, docs/images.md). CI reaches
# no container registry, so they are built on a stand-in base image without a JRE that this writes (with the JDK
# alone, before anything is built); real builds put them on the JRE base from a registry.
STAND_IN_BASE="$VIGIL_HOME/images/stand-in-base.tar"
test_stand_in_base() {
  java "$VIGIL_ROOT/deploy/images/src/main/java/dev/vigil/images/StandInBase.java" "$STAND_IN_BASE" \
    >"$(log_file images)" 2>&1 || die_log images "could not write the stand-in base image $STAND_IN_BASE"
}

# Stop, in reverse order, only what this run started; then print the verdict last.
test_cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  set +e
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    case "${STARTED[$i]}" in
      kafka) kafka_stop ;;
      postgres) pg_stop ;;
      clickhouse) ch_stop ;;
    esac
  done
  if [ -z "$TEST_RESULT" ]; then
    printf '==> FAIL: the test stack could not be prepared (exit code %s)\n' "$rc"
    [ "$rc" != 0 ] || rc=1
  else
    printf '%s\n' "$TEST_RESULT"
  fi
  exit "$rc"
}

cmd_test() {
  require_cmds java mvn node npm python3 curl
  ensure_dirs
  STARTED=()
  trap test_cleanup EXIT
  trap 'exit 130' INT TERM
  take_lock
  pg_ensure_installed
  ch_ensure_deps
  test_setup_python
  test_setup_browser
  test_setup_prometheus
  if [ -f "$VIGIL_ROOT/e2e/node/package-lock.json" ]; then npm_ci "$VIGIL_ROOT/e2e/node" e2e-node; fi
  test_stand_in_base
  kafka_start
  kafka_create_topics
  pg_start
  pg_recreate_test_db
  ch_start
  ch_recreate_test_db
  release_lock

  local node_rc=0 mvn_rc=0 envs=()
  if [ -d "$CHDB_DIR/test" ] && ! ch_external; then
    step "running the ClickHouse endpoint's tests (node --test)"
    (cd "$VIGIL_ROOT" && node --test "${CHDB_DIR#"$VIGIL_ROOT"/}/test/") || node_rc=$?
  fi

  # KAFKA_BOOTSTRAP_SERVERS is left out at the default port: Quarkus' Kafka config reads every
  # property whose name starts with "kafka", this env var included, and it then beats a test
  # profile's kafka.bootstrap.servers override (ingest-gateway's KafkaDownTest). Tests default to
  # localhost:19092 (libs/test-support KafkaStack).
  mapfile -t envs < <(stack_env vigil_test | { if [ "$KAFKA_PORT" = 19092 ]; then grep -v '^KAFKA_BOOTSTRAP_SERVERS='; else cat; fi; })
  envs+=(VIGIL_TEST_STACK=1 QUARKUS_DEVSERVICES_ENABLED=false
    "VIGIL_KAFKA_PORT=$KAFKA_PORT" "VIGIL_POSTGRES_PORT=$PG_PORT" "VIGIL_CLICKHOUSE_HTTP_URL=$(ch_http_url)")
  step "running mvn -B verify -Pimages $*"
  (cd "$VIGIL_ROOT" && env "${envs[@]}" mvn -B -Dstyle.color=never verify -Dvigil.test.python="$VENV_DIR/bin/python" \
    -Pimages "-Dvigil.image.base=tar://$STAND_IN_BASE" -Djib.disableUpdateChecks=true "$@") || mvn_rc=$?

  if [ "$mvn_rc" = 0 ] && [ "$node_rc" = 0 ]; then
    TEST_RESULT="==> PASS: all tests passed"
  elif [ "$mvn_rc" = 0 ]; then
    TEST_RESULT="==> FAIL: the ClickHouse endpoint's node tests failed (exit code $node_rc); Maven passed"
    mvn_rc=$node_rc
  else
    TEST_RESULT="==> FAIL: mvn verify failed (exit code $mvn_rc)"
    [ "$node_rc" = 0 ] || TEST_RESULT+="; the node tests failed too"
  fi
  exit "$mvn_rc"
}
