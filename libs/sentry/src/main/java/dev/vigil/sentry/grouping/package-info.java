/**
 * Grouping of normalized events into issues. The rules follow Sentry's current grouping (fingerprint,
 * then exception chain with in-app frames, then message) with stronger normalization of generated
 * names, bundle hashes and variable message parts; every result carries the components that explain it.
 */
package dev.vigil.sentry.grouping;
