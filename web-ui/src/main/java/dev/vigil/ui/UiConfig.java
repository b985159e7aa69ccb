package dev.vigil.ui;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.List;

/** Where the UI's single origin forwards API calls. */
@ConfigMapping(prefix = "vigil.ui")
public interface UiConfig {

  /** Base URL of query-service: every /api path not claimed by alert-service goes there. */
  @WithDefault("http://localhost:8013")
  URI queryServiceUrl();

  /** Base URL of alert-service. */
  @WithDefault("http://localhost:8014")
  URI alertServiceUrl();

  /** Path prefixes forwarded to alert-service instead of query-service. */
  @WithDefault("/api/v1/alerting")
  List<String> alertServicePaths();
}
