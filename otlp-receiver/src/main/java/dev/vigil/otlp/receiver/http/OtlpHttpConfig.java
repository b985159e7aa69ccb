package dev.vigil.otlp.receiver.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** OTLP/HTTP settings beyond the quarkus.http.* ones. */
@ConfigMapping(prefix = "vigil.otlp.http")
public interface OtlpHttpConfig {

  /** Take the client address from the first X-Forwarded-For hop (only behind a trusted proxy). */
  @WithDefault("false")
  boolean trustForwardedFor();
}
