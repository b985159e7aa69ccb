-- Log records: one row each. log_id is derived by the processor from the record's Kafka position,
-- so ReplacingMergeTree collapses a replayed record (log records have no id of their own).
-- The token bloom filter on lower(body) serves full-text search with hasToken/LIKE on lower(body).
CREATE TABLE IF NOT EXISTS ${database}.logs (
    project_id          UInt64,
    timestamp           DateTime64(9, 'UTC') CODEC(Delta, ZSTD(1)),
    observed_timestamp  DateTime64(9, 'UTC') CODEC(Delta, ZSTD(1)),
    log_id              UInt64,
    trace_id            String CODEC(ZSTD(1)),
    span_id             String CODEC(ZSTD(1)),
    trace_flags         UInt8,
    severity_text       LowCardinality(String),
    severity_number     UInt8,
    service_name        LowCardinality(String),
    body                String CODEC(ZSTD(1)),
    scope_name          LowCardinality(String),
    scope_version       LowCardinality(String),
    resource_attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    log_attributes      Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    event_name          LowCardinality(String),
    INDEX idx_trace_id trace_id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_body lower(body) TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 1,
    INDEX idx_severity severity_number TYPE minmax GRANULARITY 1,
    INDEX idx_res_attr_key mapKeys(resource_attributes) TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_res_attr_value mapValues(resource_attributes) TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_log_attr_key mapKeys(log_attributes) TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_log_attr_value mapValues(log_attributes) TYPE bloom_filter(0.01) GRANULARITY 1
) ENGINE = ReplacingMergeTree
PARTITION BY toDate(timestamp)
ORDER BY (project_id, service_name, toStartOfMinute(timestamp), timestamp, log_id)
TTL toDateTime(timestamp) + INTERVAL 30 DAY
SETTINGS non_replicated_deduplication_window = 10000, ttl_only_drop_parts = 1;
