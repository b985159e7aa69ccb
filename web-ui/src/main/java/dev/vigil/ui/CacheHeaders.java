package dev.vigil.ui;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Caching for the built UI: Vite names every file under /assets/ after its content hash, so browsers
 * may keep those forever; index.html (also served for every deep link) must be revalidated so a new
 * release is picked up on the next load. API answers keep whatever the service behind them says.
 */
@ApplicationScoped
final class CacheHeaders {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  void register(@Observes Filters filters) {
    filters.register(
        rc -> {
          String value = policyFor(rc.normalizedPath());
          if (value != null) {
            rc.addHeadersEndHandler(
                v -> {
                  // Replaces Quarkus' static-resource default (immutable for a day), which would pin
                  // an old index.html and so an old release in browsers.
                  if (rc.response().getStatusCode() < 400) {
                    rc.response().putHeader(HttpHeaders.CACHE_CONTROL, value);
                  }
                });
          }
          rc.next();
        },
        100);
  }

  static String policyFor(String path) {
    if (path.startsWith("/api/") || path.startsWith("/q/")) {
      return null;
    }
    return path.startsWith("/assets/") ? IMMUTABLE : REVALIDATE;
  }
}
