package dev.vigil.ingest.auth;

import dev.vigil.edge.keys.ProjectKeyCache;
import dev.vigil.state.projects.ProjectKeys;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shared key cache (libs/edge), sized and timed by this gateway's {@link AuthConfig}. */
final class KeyCacheProducer {

  @Produces
  @Singleton
  ProjectKeyCache keyCache(AuthConfig config, ProjectKeys projectKeys) {
    return ProjectKeyCache.overPostgres(
        projectKeys, config.keyCacheTtl(), config.unknownKeyCacheTtl(), config.keyCacheSize());
  }
}
