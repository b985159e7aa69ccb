package dev.vigil.state.releases;

import java.time.Instant;
import java.util.List;

/** What creating a release stores; ref, url and the dates may be null. */
public record NewRelease(String version, String ref, String url, Instant dateStarted, Instant dateReleased, List<Long> projectIds) {}
