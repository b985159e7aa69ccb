package dev.vigil.query.alerting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the alerting API. */
@ConfigMapping(prefix = "vigil.alerting")
public interface AlertingConfig {

  /**
   * Whether Discord and Slack channels may point at any http(s) URL instead of Discord's and Slack's
   * webhook hosts only: for tests and development against a local capture server.
   */
  @WithDefault("false")
  boolean allowAnyWebhookUrl();

  /** Most alerts, history entries or deliveries one list answers. */
  @WithDefault("1000")
  int maxListSize();
}
