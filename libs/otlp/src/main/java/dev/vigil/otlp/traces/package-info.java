/** OTLP traces → {@link dev.vigil.domain.telemetry.Span}. */
package dev.vigil.otlp.traces;
