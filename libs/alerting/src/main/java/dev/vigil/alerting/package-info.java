/**
 * Alerting without a framework: Prometheus rule files and templates, the alert state machine, routing,
 * silences and grouping, and the message each notification channel receives. alert-service runs it;
 * query-service uses it to validate what users save.
 */
package dev.vigil.alerting;
