package dev.vigil.edge.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.vigil.state.projects.DsnKey;
import dev.vigil.state.projects.ProjectKeys;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Project (DSN) keys by public key, cached: found keys for {@code foundTtl}, unknown ones for the
 * shorter {@code unknownTtl} (so a flood of random keys costs one query per key per few seconds).
 * Not a CDI bean: each edge produces one from its own configuration names.
 */
public final class ProjectKeyCache {

  private final Cache<String, Optional<DsnKey>> cache;
  private final Function<String, DsnKey> lookup;

  /** A cache over a blocking {@code lookup} that returns null for an unknown key. */
  public ProjectKeyCache(Function<String, DsnKey> lookup, Duration foundTtl, Duration unknownTtl, long maxSize) {
    this.lookup = lookup;
    long found = foundTtl.toNanos();
    long unknown = unknownTtl.toNanos();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxSize)
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

  /** A cache over PostgreSQL's project_keys table (through libs/state). */
  public static ProjectKeyCache overPostgres(
      ProjectKeys projectKeys, Duration foundTtl, Duration unknownTtl, long maxSize) {
    return new ProjectKeyCache(
        publicKey -> {
          try {
            return VertxContextSupport.subscribeAndAwait(() -> projectKeys.findByPublicKey(publicKey));
          } catch (Throwable e) {
            throw new KeyLookupUnavailableException("cannot look up the key right now", e);
          }
        },
        foundTtl,
        unknownTtl,
        maxSize);
  }

  /** The cached key, or null when it is not cached (known or unknown); never blocks. */
  public Optional<DsnKey> cached(String publicKey) {
    return cache.getIfPresent(publicKey);
  }

  /**
   * The key, or null when none has this public part. Blocks on a miss: call from a worker thread.
   *
   * @throws KeyLookupUnavailableException when the store cannot answer (nothing is cached then)
   */
  public DsnKey find(String publicKey) {
    Optional<DsnKey> cached = cache.getIfPresent(publicKey);
    if (cached != null) {
      return cached.orElse(null);
    }
    DsnKey key;
    try {
      key = lookup.apply(publicKey);
    } catch (KeyLookupUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KeyLookupUnavailableException("cannot look up the key right now", e);
    }
    cache.put(publicKey, Optional.ofNullable(key));
    return key;
  }
}
