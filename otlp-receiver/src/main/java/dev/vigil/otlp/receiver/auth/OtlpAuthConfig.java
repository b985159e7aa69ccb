package dev.vigil.otlp.receiver.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the project key travels and how long key lookups are cached. */
@ConfigMapping(prefix = "vigil.otlp.auth")
public interface OtlpAuthConfig {

  /**
   * Header (HTTP) or metadata key (gRPC) carrying the project's public key. For
   * {@code authorization} the value is {@code Bearer <key>}; for any other header, the key alone.
   */
  @WithDefault("authorization")
  String header();

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
