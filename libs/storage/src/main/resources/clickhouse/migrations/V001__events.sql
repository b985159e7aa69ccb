-- Error and message events: one row per event, full normalized payload plus indexed columns.
-- ORDER BY puts project and issue first because the UI lists an issue's events by time;
-- ReplacingMergeTree + non_replicated_deduplication_window make replayed batches harmless
-- (insert_deduplication_token per batch; FINAL or merges remove any row stored twice anyway).
CREATE TABLE IF NOT EXISTS ${database}.events (
    project_id       UInt64,
    issue_id         UInt64,
    event_id         UUID,
    timestamp        DateTime64(9, 'UTC') CODEC(Delta, ZSTD(1)),
    received_at      DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    level            LowCardinality(String),
    platform         LowCardinality(String),
    environment      LowCardinality(String),
    release          LowCardinality(String),
    server_name      LowCardinality(String),
    logger           LowCardinality(String),
    transaction      String,
    title            String,
    culprit          String,
    message          String,
    exception_types  Array(LowCardinality(String)),
    exception_values Array(String),
    user_key         String,
    user_id          String,
    user_email       String,
    user_username    String,
    user_ip          String,
    trace_id         String,
    span_id          String,
    tags             Map(LowCardinality(String), String),
    sdk_name         LowCardinality(String),
    sdk_version      LowCardinality(String),
    payload          String CODEC(ZSTD(3)),
    INDEX idx_event_id event_id TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_trace_id trace_id TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_message message TYPE tokenbf_v1(8192, 3, 0) GRANULARITY 1
) ENGINE = ReplacingMergeTree
PARTITION BY toDate(timestamp)
ORDER BY (project_id, issue_id, timestamp, event_id)
TTL toDateTime(timestamp) + INTERVAL 90 DAY
SETTINGS non_replicated_deduplication_window = 10000;
