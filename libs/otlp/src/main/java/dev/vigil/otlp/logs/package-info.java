/** OTLP logs → {@link dev.vigil.domain.telemetry.LogRecord}. */
package dev.vigil.otlp.logs;
