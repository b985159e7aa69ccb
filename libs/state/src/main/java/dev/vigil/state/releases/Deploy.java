package dev.vigil.state.releases;

import java.time.Instant;

/** A deploy of a release to an environment. */
public record Deploy(long id, String environment, String name, String url, Instant dateStarted, Instant dateFinished) {}
