package dev.vigil.ingest.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.vigil.ingest.errors.IngestError;
import dev.vigil.state.projects.DsnKey;
import dev.vigil.state.projects.ProjectKeys;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * DSN keys by public key, cached: found keys for {@code key-cache-ttl}, unknown ones for the shorter
 * {@code unknown-key-cache-ttl} (so a flood of random keys costs one query per key per few seconds).
 */
@ApplicationScoped
public class DsnKeyCache {

  private final Cache<String, Optional<DsnKey>> cache;
  private final ProjectKeys projectKeys;

  @Inject
  DsnKeyCache(AuthConfig config, ProjectKeys projectKeys) {
    this.projectKeys = projectKeys;
    long found = config.keyCacheTtl().toNanos();
    long unknown = config.unknownKeyCacheTtl().toNanos();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(config.keyCacheSize())
            .expireAfter(
                new Expiry<String, Optional<DsnKey>>() {
                  @Override
                  public long expireAfterCreate(String key, Optional<DsnKey> value, long now) {
                    return value.isPresent() ? found : unknown;
                  }

                  @Override
                  public long expireAfterUpdate(String key, Optional<DsnKey> value, long now, long current) {
                    return expireAfterCreate(key, value, now);
                  }

                  @Override
                  public long expireAfterRead(String key, Optional<DsnKey> value, long now, long current) {
                    return current;
                  }
                })
            .build();
  }

  /** The key, or null when none has this public part. Blocks on a miss: call from a worker thread. */
  public DsnKey find(String publicKey) {
    Optional<DsnKey> cached = cache.getIfPresent(publicKey);
    if (cached != null) {
      return cached.orElse(null);
    }
    DsnKey key;
    try {
      key = VertxContextSupport.subscribeAndAwait(() -> projectKeys.findByPublicKey(publicKey));
    } catch (Throwable e) {
      throw IngestError.unavailable("cannot look up the sentry key right now", 10, e);
    }
    cache.put(publicKey, Optional.ofNullable(key));
    return key;
  }
}
