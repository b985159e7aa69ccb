/**
 * Prometheus alert templates: a small interpreter for the Go text/template subset that rule files
 * use, with Prometheus's functions ({@code humanize} and friends) and Go's formatting, so that an
 * annotation reads the same in Vigil as in Prometheus. Entry point: {@link
 * dev.vigil.alerting.templates.AlertTemplates}.
 */
package dev.vigil.alerting.templates;
