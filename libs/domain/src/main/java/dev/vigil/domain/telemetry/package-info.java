/** Traces, logs and metrics as Vigil stores them, independent of the wire format they arrived in. */
package dev.vigil.domain.telemetry;
