/**
 * Which alerts reach which receiver and when, as Alertmanager decides it: label matchers in
 * Prometheus/Alertmanager syntax, silences, grouping by labels, and the group wait / group interval /
 * repeat interval schedule of a group's notifications. Pure functions over persisted state.
 */
package dev.vigil.alerting.routing;
