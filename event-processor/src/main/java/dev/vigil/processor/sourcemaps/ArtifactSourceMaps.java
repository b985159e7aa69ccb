package dev.vigil.processor.sourcemaps;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.vigil.state.releases.ArtifactBundles;
import dev.vigil.state.releases.BundleFile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Source maps from the artifact bundles sentry-cli uploaded (PostgreSQL, {@link ArtifactBundles}), parsed
 * once and kept in a memory-bounded cache: many events hit the same few maps. A miss is remembered for
 * a minute so events of an app without uploads do not query PostgreSQL per frame, yet a map uploaded
 * after the first error is used soon. Called from the {@code @Blocking} consumer's worker thread.
 */
@ApplicationScoped
class ArtifactSourceMaps implements SourceMapFinder {

  private static final Logger LOG = Logger.getLogger(ArtifactSourceMaps.class);
  private static final Duration MISS_TTL = Duration.ofMinutes(1);
  private static final Duration HIT_TTL = Duration.ofHours(1);

  private final ArtifactBundles bundles;
  private final Cache<String, Optional<LocatedMap>> cache;

  ArtifactSourceMaps(ArtifactBundles bundles,
      @ConfigProperty(name = "vigil.sourcemaps.cache-max-bytes", defaultValue = "134217728") long maxBytes) {
    this.bundles = bundles;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .<String, Optional<LocatedMap>>weigher((k, v) -> (int) Math.min(Integer.MAX_VALUE, v.map(m -> m.map().weight()).orElse(64L)))
        .expireAfter(Expiry.<String, Optional<LocatedMap>>accessing((k, v) -> v.isPresent() ? HIT_TTL : MISS_TTL))
        .build();
  }

  @Override
  public LocatedMap byDebugId(long projectId, String debugId) {
    return cached("debug:" + projectId + ":" + debugId, () -> {
      BundleFile file = await(() -> bundles.findByDebugId(projectId, debugId, "source_map"));
      return file == null ? null : parse(file, "debug-id", debugId);
    });
  }

  @Override
  public LocatedMap byUrl(long projectId, String release, String dist, String minifiedPath) {
    return cached("url:" + projectId + ":" + release + ":" + dist + ":" + minifiedPath, () -> {
      BundleFile minified = await(() -> bundles.findByUrl(projectId, release, dist, ArtifactUrls.candidates(minifiedPath)));
      java.util.List<String> mapUrls = minified == null
          ? ArtifactUrls.candidates(minifiedPath).stream().map(u -> u + ".map").toList()
          : ArtifactUrls.mapUrls(minified);
      if (mapUrls.isEmpty()) {
        return null;
      }
      if (mapUrls.get(0).startsWith("data:")) {
        return parse(ArtifactUrls.dataUrl(mapUrls.get(0)), "release", minified.url() + " (inline)");
      }
      BundleFile map = await(() -> bundles.findByUrl(projectId, release, dist, mapUrls));
      return map == null ? null : parse(map, "release", map.url());
    });
  }

  private LocatedMap cached(String key, Supplier<LocatedMap> load) {
    Optional<LocatedMap> hit = cache.getIfPresent(key);
    if (hit != null) {
      return hit.orElse(null);
    }
    LocatedMap loaded;
    try {
      loaded = load.get();
    } catch (RuntimeException e) {
      // PostgreSQL unavailable or a broken map: this event goes un-minified, and the next one tries again.
      LOG.warnf("source map lookup %s failed: %s", key, e.toString());
      return null;
    }
    cache.put(key, Optional.ofNullable(loaded));
    return loaded;
  }

  private static LocatedMap parse(BundleFile file, String resolvedWith, String name) {
    return parse(file.content(), resolvedWith, name);
  }

  private static LocatedMap parse(byte[] content, String resolvedWith, String name) {
    try {
      return new LocatedMap(SourceMap.parse(content), resolvedWith, name);
    } catch (IllegalArgumentException e) {
      LOG.warnf("unusable source map %s: %s", name, e.getMessage());
      return null;
    }
  }

  private static <T> T await(Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
