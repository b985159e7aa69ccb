-- Metrics in the shape PromQL evaluation needs: a series catalogue (fingerprint → name + labels)
-- and narrow samples. A query selects fingerprints on the catalogue first (metric name and label
-- matchers), then reads only those series' samples in the window plus lookback.
-- The catalogue keeps one row per series per day it was written, so a selector over a time range
-- finds exactly the series that existed then, and old series age out with the TTL.
CREATE TABLE IF NOT EXISTS ${database}.metric_series (
    project_id   UInt64,
    date         Date,
    metric_name  LowCardinality(String),
    fingerprint  UInt64,
    labels       Map(LowCardinality(String), String),
    family       LowCardinality(String),
    metric_type  LowCardinality(String),
    unit         LowCardinality(String),
    help         String,
    INDEX idx_label_key mapKeys(labels) TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_label_value mapValues(labels) TYPE bloom_filter(0.01) GRANULARITY 1
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(date)
ORDER BY (project_id, metric_name, fingerprint, date)
TTL date + INTERVAL 31 DAY
SETTINGS non_replicated_deduplication_window = 10000;

-- One value per series and millisecond, as Prometheus keeps; a replayed sample collapses.
CREATE TABLE IF NOT EXISTS ${database}.metric_samples (
    project_id   UInt64,
    metric_name  LowCardinality(String),
    fingerprint  UInt64,
    timestamp_ms Int64 CODEC(DoubleDelta, ZSTD(1)),
    value        Float64 CODEC(Gorilla, ZSTD(1))
) ENGINE = ReplacingMergeTree
PARTITION BY toDate(fromUnixTimestamp64Milli(timestamp_ms, 'UTC'))
ORDER BY (project_id, metric_name, fingerprint, timestamp_ms)
TTL toDate(fromUnixTimestamp64Milli(timestamp_ms, 'UTC')) + INTERVAL 30 DAY
SETTINGS non_replicated_deduplication_window = 10000, ttl_only_drop_parts = 1;

-- Exemplars link a metric point to the trace that produced it.
CREATE TABLE IF NOT EXISTS ${database}.metric_exemplars (
    project_id   UInt64,
    metric_name  LowCardinality(String),
    fingerprint  UInt64,
    timestamp_ms Int64,
    value        Float64,
    trace_id     String,
    span_id      String,
    labels       Map(LowCardinality(String), String)
) ENGINE = ReplacingMergeTree
PARTITION BY toDate(fromUnixTimestamp64Milli(timestamp_ms, 'UTC'))
ORDER BY (project_id, metric_name, fingerprint, timestamp_ms, trace_id, span_id)
TTL toDate(fromUnixTimestamp64Milli(timestamp_ms, 'UTC')) + INTERVAL 30 DAY
SETTINGS non_replicated_deduplication_window = 10000;
