package dev.vigil.query.prometheus.rest;

import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.prometheus.PromParams;
import dev.vigil.query.prometheus.PromResponse.Success;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.state.accounts.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;

/**
 * What every Prometheus API endpoint does around its own work: reading GET and form-encoded POST
 * parameters alike, and checking access before running the read off the event loop.
 */
final class PromEndpoints {

  private PromEndpoints() {}

  /** A GET request's parameters. */
  static PromParams params(UriInfo uri) {
    return PromParams.of(null, uri.getQueryParameters());
  }

  /** A POST request's parameters: the form body's, then the URL's, as Prometheus reads them. */
  static PromParams params(UriInfo uri, MultivaluedMap<String, String> form) {
    return PromParams.of(form, uri.getQueryParameters());
  }

  /** Checks that the caller may read the project's signals, then runs the blocking read on a worker thread. */
  static Uni<Success> read(ProjectAccess projects, long projectId, Supplier<Success> work) {
    return projects.require(projectId, Scope.EVENT_READ).chain(() -> OffEventLoop.call(work));
  }
}
