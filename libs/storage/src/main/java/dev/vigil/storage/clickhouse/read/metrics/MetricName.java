package dev.vigil.storage.clickhouse.read.metrics;

/**
 * A series name in the catalogue with the metadata of its family ({@code http_server_duration_seconds}
 * for {@code http_server_duration_seconds_bucket}); type as stored (the MetricType wire name).
 */
public record MetricName(String name, String family, String type, String unit, String help) {}
