/** OTLP metrics → Prometheus-model series, samples and exemplars ({@link dev.vigil.domain.telemetry.MetricBatch}). */
package dev.vigil.otlp.metrics;
