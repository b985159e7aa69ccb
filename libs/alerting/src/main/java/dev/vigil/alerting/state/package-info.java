/**
 * The alert state machine with Prometheus's semantics ({@code rules/alerting.go}): which alerts an
 * alerting rule's result produces, when they go from pending to firing to resolved, and the {@code
 * ALERTS} / {@code ALERTS_FOR_STATE} series that describe them. Pure functions over persisted state.
 */
package dev.vigil.alerting.state;
