package dev.vigil.query.prometheus;

import dev.vigil.query.rest.ApiException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Failures of the Prometheus API in Prometheus's error shape. The resources register these as their
 * own exception mappers, so the rest of the API keeps answering {@code {"detail": ...}}.
 */
public final class PromErrors {

  private static final Logger LOG = Logger.getLogger(PromErrors.class);

  private PromErrors() {}

  /** The one mapper the Prometheus resources register for the failures below; anything else is storage. */
  public static Response of(RuntimeException e) {
    if (e instanceof PromApiException p) {
      return of(p);
    }
    if (e instanceof ApiException a) {
      return of(a);
    }
    return storageUnavailable(e);
  }

  public static Response of(PromApiException e) {
    return PromResponse.failure(e.status(), e.errorType(), e.getMessage());
  }

  /** Access failures (404 for other tenants' projects, 403 for a missing scope) and bad parameters. */
  public static Response of(ApiException e) {
    String type =
        switch (e.status()) {
          case 400 -> "bad_data";
          case 404 -> "not_found";
          case 401 -> "unauthorized";
          case 403 -> "forbidden";
          default -> "internal";
        };
    Response r = PromResponse.failure(e.status(), type, e.getMessage());
    return e.status() == 401 ? Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build() : r;
  }

  public static Response storageUnavailable(RuntimeException e) {
    LOG.warn("ClickHouse read failed", e);
    return PromResponse.failure(503, "unavailable", "signal storage (ClickHouse) unavailable, retry later");
  }
}
