package dev.vigil.query.sentryapi.releases;

import java.time.Instant;
import java.util.List;

/** {@code POST .../releases/{version}/deploys/}: sentry-cli's deploys new. */
record DeployRequest(String environment, String name, String url, Instant dateStarted, Instant dateFinished, List<String> projects) {}
