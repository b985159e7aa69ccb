package dev.vigil.ui;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Deep links survive a reload: a GET for a UI path such as /projects/3/traces/0af7… is answered with
 * index.html, and the browser-side router shows the page. API, health and file paths are left alone,
 * so a missing asset is still a 404.
 */
@ApplicationScoped
final class SpaRoutes {

  private static final Predicate<String> FILE = Pattern.compile(".*/[^/]*\\.[A-Za-z0-9]+$").asMatchPredicate();

  void register(@Observes Router router) {
    router
        .route("/*")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(
            rc -> {
              if (isUiRoute(rc.normalizedPath())) {
                rc.reroute("/");
              } else {
                rc.next();
              }
            });
  }

  static boolean isUiRoute(String path) {
    return !path.equals("/") && !path.startsWith("/api/") && !path.startsWith("/q/") && !FILE.test(path);
  }
}
