/**
 * The subset of Sentry's web API ({@code /api/0/}) that tools written for Sentry call, answered with
 * Sentry's shapes and status codes from Vigil's own services; see docs/sentry-api.md.
 */
package dev.vigil.query.sentryapi;
