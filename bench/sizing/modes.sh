# shellcheck shell=bash
# The three measurements of bench/sizing/run.sh (sourced by it; see its usage).

# load: the six services at once through an idle minute, a steady mixed load, bursts at full speed, the
# drain of the backlog they leave, and one more idle minute; RSS/CPU sampled throughout (sample.py).
mode_load() {
  local idle=60 after=60 wrk_s=30 envelopes_s=30 spans_s=20 logs_s=15 metrics_s=10 poll=15 wait=300 svc ids run
  if [ "$QUICK" = 1 ]; then idle=15 after=15 wrk_s=5 envelopes_s=5 spans_s=3 logs_s=3 metrics_s=3 poll=5 wait=120; fi
  prepare_apps "${SVC_ALL[@]}"
  phase startup
  for svc in "${SVC_ALL[@]}"; do bench_start "$svc"; done
  wait_ready "${SVC_ALL[@]}"

  # The sizing project takes every write; its 24 rules (rules.yml) keep alert-service evaluating over the
  # metrics that metrics_emitter.py exports, as instrumented applications would.
  read -r PROJECT KEY DSN <<<"$(project_ids bench-sizing 'Sizing benchmark' 1)"
  [ -n "$PROJECT" ] || die "no sizing project"
  read -r READ_ID _ <<<"$(project_ids "$READ_PROJECT" '')"
  if [ -z "$READ_ID" ]; then
    warn "project '$READ_PROJECT' not found: the reads go to the (small) sizing project"
    READ_ID=$PROJECT
  fi
  echo "project $PROJECT, reads from project $READ_ID" >>"$OUT/timeline"
  curl -sf -o /dev/null --max-time 30 -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/yaml' \
    --data-binary "@$SIZING_DIR/rules.yml" \
    "http://localhost:${SVC_PORT[query-service]}/api/v1/projects/$PROJECT/alerting/rule-files/bench-sizing.yml" ||
    die "uploading the rule file failed"
  test_setup_python # the e2e virtualenv has the OpenTelemetry SDK
  phase idle
  bg emitter "$VENV_DIR/bin/python" "$SIZING_DIR/metrics_emitter.py" "http://localhost:${SVC_PORT[otlp-receiver]}" "$KEY"
  sleep "$idle"
  snapshot idle

  phase steady
  BASELINE=$(stored)
  [[ $BASELINE =~ ^[0-9]+$ ]] || die "counting the stored items failed: $BASELINE"
  bg steady-envelopes "${BENCH[@]}" dev.vigil.bench.ingest.IngestBenchmark --dsn "$DSN" --envelopes "$VIGIL_ROOT/bench/envelopes" \
    --query-url "http://localhost:${SVC_PORT[query-service]}" --token "$TOKEN" --clickhouse "$CH_URL" \
    --duration "$STEADY" --rate 100 --concurrency 4 --max-envelopes 10000000 --drain-timeout "$wait"
  bg steady-otlp "${BENCH[@]}" dev.vigil.bench.otlp.OtlpBenchmark --key "$KEY" --project "$PROJECT" --mode traces \
    --otlp-url "http://localhost:${SVC_PORT[otlp-receiver]}" --clickhouse "$CH_URL" \
    --duration "$STEADY" --rate 2000 --concurrency 2 --max-items 100000000 --drain-timeout "$wait"
  # The reads go on until the end of the drain.
  bg reads python3 "$SIZING_DIR/reads.py" "$OUT" "http://localhost:${SVC_PORT[web-ui]}" "$READ_ID" "$PROJECT" "$READ_THREADS"
  bg_wait steady-envelopes
  bg_wait steady-otlp
  snapshot steady

  phase burst-wrk
  # The same gzip sentry-python envelope on 64 connections: the gateway's acceptance at full speed.
  gzip -c "$VIGIL_ROOT/bench/envelopes/python-zero-division.envelope" >"$OUT/envelope.gz"
  ids=${DSN#*://}
  VIGIL_ENVELOPE_GZ=$OUT/envelope.gz VIGIL_KEY=${ids%%@*} wrk -t2 -c64 -d"${wrk_s}s" -s "$VIGIL_ROOT/bench/wrk-envelope.lua" \
    "http://localhost:${SVC_PORT[ingest-gateway]}/api/$PROJECT/envelope/" >"$OUT/burst-wrk.log" 2>&1 || warn "wrk failed"
  phase burst-envelopes
  "${BENCH[@]}" dev.vigil.bench.ingest.IngestBenchmark --dsn "$DSN" --envelopes "$VIGIL_ROOT/bench/envelopes" \
    --query-url "http://localhost:${SVC_PORT[query-service]}" --token "$TOKEN" --clickhouse "$CH_URL" \
    --duration "$envelopes_s" --concurrency 48 --max-envelopes 10000000 --drain-timeout "$wait" >"$OUT/burst-envelopes.log" 2>&1 ||
    warn "the envelope burst's events were not all stored within $wait s"
  for run in spans:$spans_s logs:$logs_s metrics:$metrics_s; do
    phase "burst-${run%%:*}"
    # --drain-timeout 1: the drain phase below waits for all of it.
    "${BENCH[@]}" dev.vigil.bench.otlp.OtlpBenchmark --key "$KEY" --project "$PROJECT" --mode "${run%%:*}" \
      --otlp-url "http://localhost:${SVC_PORT[otlp-receiver]}" --clickhouse "$CH_URL" \
      --duration "${run#*:}" --drain-timeout 1 >"$OUT/burst-${run%%:*}.log" 2>&1 || true
  done

  phase drain
  drain "$poll"
  snapshot drained
  touch "$OUT/stop-reads"
  bg_wait reads
  kill "${BG[emitter]}" 2>/dev/null || true
  unset "BG[emitter]"
  phase after
  sleep "$after"
  snapshot after
  phase stopping # also reports a service that died since the last phase
  stop_started
}

# stored: the sizing project's events, spans, log records and bench metric points in ClickHouse. Events by
# distinct id: wrk repeats one, and the copies of it come and go as ClickHouse merges.
stored() {
  curl -s --max-time 60 "$CH_URL/" --data-binary "SELECT (SELECT uniqExact(event_id) FROM vigil.events WHERE project_id = $PROJECT)
    + (SELECT count() FROM vigil.spans WHERE project_id = $PROJECT) + (SELECT count() FROM vigil.logs WHERE project_id = $PROJECT)
    + (SELECT count() FROM vigil.metric_samples WHERE project_id = $PROJECT AND startsWith(metric_name, 'bench_')) FORMAT TSV"
}

# accepted: what the load generators' summaries say was accepted (not wrk's: its envelopes are one event).
accepted() {
  cat "$OUT"/steady-*.log "$OUT"/burst-*.log 2>/dev/null |
    sed -nE 's/.*: ([0-9]+) accepted \(.*/\1/p; s/^accepted ([0-9]+) .*/\1/p; s/.*log records accepted: ([0-9]+).*/\1/p' |
    awk '{ s += $1 } END { print s + 0 }'
}

# drain <poll s>: until everything accepted since the steady phase began is stored; when it stops growing
# short of that (a service died), after four polls alike; at most 15 minutes.
drain() {
  local target now prev="" same=0 start=$SECONDS
  target=$((BASELINE + $(accepted)))
  while ((SECONDS - start < 900)); do
    now=$(stored)
    echo "$(date +%T) stored $now of $target" >>"$OUT/drain.log"
    if [[ $now =~ ^[0-9]+$ ]] && ((now >= target)); then return 0; fi
    if [ "$now" = "$prev" ]; then same=$((same + 1)); else same=0; fi
    if ((same >= 4)); then
      warn "the drain stopped at $now of $target stored items"
      return 0
    fi
    prev=$now
    sleep "$1"
  done
  warn "still storing after 15 minutes"
}

# startup: each service alone, so its start-up is not slowed by the others.
mode_startup() {
  local svc
  prepare_apps "${SVC_ALL[@]}"
  for svc in "${SVC_ALL[@]}"; do
    phase "start-$svc"
    bench_start "$svc"
    wait_ready "$svc"
    stop_started
  done
}

# large-otlp: otlp-receiver alone (it only decodes and hands records to Kafka), one export (or a few at once)
# per request spec; started again when a request made it exit. It writes to topics of its own, deleted at the
# end: an accepted export is one Kafka record, which an event-processor would later have to hold whole.
mode_large_otlp() {
  local spec i=0 pid result lines topic
  prepare_apps otlp-receiver
  for topic in spans logs metrics; do
    echo "vigil.bench.sizing.otlp.$topic 1 max.message.bytes=67108864"
    EXTRA_ENV+=("VIGIL_OTLP_${topic^^}_TOPIC=vigil.bench.sizing.otlp.$topic")
  done >"$OUT/topics.conf"
  BENCH_TOPICS=1
  kafka_java -Dvigil.kafka.log.level=WARN "$LOCAL_DIR/kafka/CreateTopics.java" "$KAFKA_BOOTSTRAP" "$OUT/topics.conf" 60 \
    >>"$OUT/kafka-topics.log" 2>&1 || die "creating the benchmark's Kafka topics failed (see $OUT/kafka-topics.log)"
  # The project's key, from query-service, which then stops: the receiver runs alone.
  prepare_apps query-service
  phase project
  bench_start query-service
  wait_ready query-service
  read -r PROJECT KEY _ <<<"$(project_ids bench-sizing 'Sizing benchmark' 1)"
  [ -n "$PROJECT" ] || die "no sizing project"
  stop_started
  phase startup
  bench_start otlp-receiver
  wait_ready otlp-receiver
  for spec in $REQUESTS; do
    i=$((i + 1))
    if ! pid_alive "$(read_pid otlp-receiver)"; then
      stop_started # only forgets it: it exited
      bench_start otlp-receiver
      wait_ready otlp-receiver
    fi
    phase "large-$i-$spec"
    lines=$(wc -l <"$OUT/logs/otlp-receiver.log")
    result="not accepted"
    case "$spec" in
      json:*)
        if python3 "$SIZING_DIR/large_otlp.py" "http://localhost:${SVC_PORT[otlp-receiver]}" "$KEY" "${spec#json:}" \
          >"$OUT/large-$i.log" 2>&1; then result=accepted; fi ;;
      pb:*)
        # Exit status 1 is expected: nothing is stored without event-processor.
        "${BENCH[@]}" dev.vigil.bench.otlp.OtlpBenchmark --key "$KEY" --project "$PROJECT" --mode logs \
          --otlp-url "http://localhost:${SVC_PORT[otlp-receiver]}" --clickhouse "$CH_URL" --batch "${spec#pb:}" \
          --max-items "${spec#pb:}" --concurrency 1 --duration 120 --drain-timeout 1 >"$OUT/large-$i.log" 2>&1 || true
        if grep -q "^accepted ${spec#pb:} log records.*failures {}" "$OUT/large-$i.log"; then result=accepted; fi ;;
      *) die "--requests: unknown spec '$spec' (json:<MiB>[x<n>] or pb:<records>)" ;;
    esac
    sleep 3 # the sampler's last look at the peak; an OutOfMemoryError exit happens within it
    pid=$(read_pid otlp-receiver)
    if ! pid_alive "$pid"; then
      result="$result, the receiver exited: $(tail -n +"$((lines + 1))" "$OUT/logs/otlp-receiver.log" |
        grep -m1 -o 'java.lang.OutOfMemoryError.*' || echo "see $OUT/logs/otlp-receiver.log")"
    fi
    printf '%s\t%s\t%s\t%s\n' "large-$i-$spec" "${LIMIT[otlp-receiver]}" "${HEAP_PCT[otlp-receiver]}" "$result" >>"$OUT/large-otlp.tsv"
    info "$spec: $result"
  done
  phase stopping
  stop_started
}

delete_bench_topics() {
  kafka_java -Dvigil.kafka.log.level=WARN org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --delete \
    --topic 'vigil\.bench\.sizing\..*' >>"$OUT/kafka-topics.log" 2>&1 || warn "deleting the topics vigil.bench.sizing.* failed"
  # shellcheck disable=SC2034 # read by run.sh's cleanup
  BENCH_TOPICS=0
}
