package dev.vigil.query.projects.rest;

/** A DSN key and the DSN an SDK is configured with. */
record KeyJson(String publicKey, String dsn, boolean active, Integer rateLimitPerMinute) {}
