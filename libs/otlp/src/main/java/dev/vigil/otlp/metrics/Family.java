package dev.vigil.otlp.metrics;

import dev.vigil.domain.telemetry.MetricType;

/** Metadata shared by the series of one metric: the name it is reported under, type, OTel unit, help. */
record Family(String name, MetricType type, String unit, String help) {}
