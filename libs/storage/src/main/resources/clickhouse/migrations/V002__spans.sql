-- Spans from OTLP and from Sentry transactions: one row per span, resource and scope flattened in.
-- ORDER BY serves per-service time queries (RED figures, trace search by service and operation);
-- ReplacingMergeTree collapses a span stored twice (replayed record) because the key ends in the ids.
-- Attribute values are strings (arrays and maps as JSON), as the OpenTelemetry Collector's exporter does.
CREATE TABLE IF NOT EXISTS ${database}.spans (
    project_id          UInt64,
    timestamp           DateTime64(9, 'UTC') CODEC(Delta, ZSTD(1)),
    trace_id            String CODEC(ZSTD(1)),
    span_id             String CODEC(ZSTD(1)),
    parent_span_id      String CODEC(ZSTD(1)),
    trace_state         String CODEC(ZSTD(1)),
    service_name        LowCardinality(String),
    span_name           LowCardinality(String),
    span_kind           LowCardinality(String),
    duration_ns         UInt64 CODEC(ZSTD(1)),
    status_code         LowCardinality(String),
    status_message      String CODEC(ZSTD(1)),
    scope_name          LowCardinality(String),
    scope_version       LowCardinality(String),
    resource_attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    span_attributes     Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    `events.timestamp`  Array(DateTime64(9, 'UTC')) CODEC(ZSTD(1)),
    `events.name`       Array(LowCardinality(String)) CODEC(ZSTD(1)),
    `events.attributes` Array(Map(LowCardinality(String), String)) CODEC(ZSTD(1)),
    `links.trace_id`    Array(String) CODEC(ZSTD(1)),
    `links.span_id`     Array(String) CODEC(ZSTD(1)),
    `links.trace_state` Array(String) CODEC(ZSTD(1)),
    `links.attributes`  Array(Map(LowCardinality(String), String)) CODEC(ZSTD(1)),
    source              LowCardinality(String),
    INDEX idx_trace_id trace_id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_duration duration_ns TYPE minmax GRANULARITY 1,
    INDEX idx_res_attr_key mapKeys(resource_attributes) TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_res_attr_value mapValues(resource_attributes) TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_span_attr_key mapKeys(span_attributes) TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_span_attr_value mapValues(span_attributes) TYPE bloom_filter(0.01) GRANULARITY 1
) ENGINE = ReplacingMergeTree
PARTITION BY toDate(timestamp)
ORDER BY (project_id, service_name, span_name, toStartOfMinute(timestamp), timestamp, trace_id, span_id)
TTL toDateTime(timestamp) + INTERVAL 30 DAY
SETTINGS non_replicated_deduplication_window = 10000, ttl_only_drop_parts = 1;

-- "All spans of trace X" at scale: a bloom filter alone still reads every day's granules, so a
-- trace id → time range lookup (fed by the view below, as the Collector's ClickHouse exporter does)
-- first narrows the spans scan to the partitions and granules of the trace's time window.
CREATE TABLE IF NOT EXISTS ${database}.trace_index (
    project_id UInt64,
    trace_id   String,
    start      SimpleAggregateFunction(min, DateTime64(9, 'UTC')),
    end        SimpleAggregateFunction(max, DateTime64(9, 'UTC'))
) ENGINE = AggregatingMergeTree
PARTITION BY toDate(start)
ORDER BY (project_id, trace_id)
TTL toDateTime(start) + INTERVAL 30 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.trace_index_mv TO ${database}.trace_index AS
SELECT
    project_id,
    trace_id,
    min(timestamp) AS start,
    max(addNanoseconds(timestamp, duration_ns)) AS end
FROM ${database}.spans
GROUP BY project_id, trace_id;
