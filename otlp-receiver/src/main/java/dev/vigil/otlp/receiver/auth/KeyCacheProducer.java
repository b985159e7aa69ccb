package dev.vigil.otlp.receiver.auth;

import dev.vigil.edge.keys.ProjectKeyCache;
import dev.vigil.state.projects.ProjectKeys;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shared key cache (libs/edge), sized and timed by {@link OtlpAuthConfig}. */
final class KeyCacheProducer {

  @Produces
  @Singleton
  ProjectKeyCache keyCache(OtlpAuthConfig config, ProjectKeys projectKeys) {
    return ProjectKeyCache.overPostgres(
        projectKeys, config.keyCacheTtl(), config.unknownKeyCacheTtl(), config.keyCacheSize());
  }
}
