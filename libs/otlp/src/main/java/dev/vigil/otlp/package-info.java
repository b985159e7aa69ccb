/** Maps OTLP protobuf messages to Vigil's telemetry domain ({@code dev.vigil.domain.telemetry}). */
package dev.vigil.otlp;
