package dev.vigil.query.sentryapi.releases;

import dev.vigil.state.releases.Deploy;
import java.time.Instant;

/** A deploy as Sentry's API shows it (sentry-cli reads environment, name, url and the dates). */
record DeployJson(String id, String environment, String name, String url, Instant dateStarted, Instant dateFinished) {

  static DeployJson of(Deploy d) {
    return new DeployJson(String.valueOf(d.id()), d.environment(), d.name(), d.url(), d.dateStarted(), d.dateFinished());
  }
}
