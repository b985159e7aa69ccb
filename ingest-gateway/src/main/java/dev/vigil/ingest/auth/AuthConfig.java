package dev.vigil.ingest.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long DSN key lookups are cached, so PostgreSQL stays off the ingestion hot path. */
@ConfigMapping(prefix = "vigil.ingest.auth")
public interface AuthConfig {

  /** How long a found key (active or not) is trusted before it is read again. */
  @WithDefault("60s")
  Duration keyCacheTtl();

  /** How long an unknown key is remembered as unknown; short, so a new key works quickly. */
  @WithDefault("5s")
  Duration unknownKeyCacheTtl();

  /** Most keys kept in the cache. */
  @WithDefault("100000")
  long keyCacheSize();
}
