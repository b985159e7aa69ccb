package dev.vigil.query.projects.rest;

import java.time.Instant;

/** A DSN key and the DSN an SDK is configured with. */
record KeyJson(String publicKey, String dsn, String label, boolean active, Integer rateLimitPerMinute, Instant createdAt) {}
