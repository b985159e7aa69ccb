package dev.vigil.query.sentryapi.releases;

import java.time.Instant;
import java.util.List;

/** {@code POST .../releases/}: sentry-cli's releases new (projects by slug or id). */
record ReleaseRequest(String version, List<String> projects, String ref, String url, Instant dateStarted, Instant dateReleased) {}
