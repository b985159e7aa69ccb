package dev.vigil.query.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.state.accounts.EmailTakenException;
import dev.vigil.state.accounts.WeakPasswordException;
import dev.vigil.state.projects.ProjectAlreadyExistsException;
import dev.vigil.storage.StorageException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns failures into {@code {"detail": ...}} responses with the right status. */
final class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  @ServerExceptionMapper
  Response api(ApiException e) {
    Response.ResponseBuilder response = Response.fromResponse(error(e.status(), e.getMessage()));
    if (e.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    if (e.retryAfter() != null) {
      // Whole seconds, rounded up: retrying on the dot must not be refused again.
      response.header(HttpHeaders.RETRY_AFTER, Math.max(1, (e.retryAfter().toMillis() + 999) / 1000));
    }
    return response.build();
  }

  @ServerExceptionMapper
  Response emailTaken(EmailTakenException e) {
    return error(409, e.getMessage());
  }

  @ServerExceptionMapper
  Response weakPassword(WeakPasswordException e) {
    return error(400, e.getMessage());
  }

  @ServerExceptionMapper
  Response conflict(ProjectAlreadyExistsException e) {
    return error(409, e.getMessage());
  }

  @ServerExceptionMapper
  Response badJson(JsonProcessingException e) {
    return error(400, "invalid JSON body: " + e.getOriginalMessage());
  }

  @ServerExceptionMapper
  Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    return error(status, e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage());
  }

  @ServerExceptionMapper
  Response storage(StorageException e) {
    LOG.warn("ClickHouse read failed", e);
    return error(503, "signal storage (ClickHouse) unavailable, retry later");
  }

  /**
   * Whatever no other mapper knows, Errors included: without this an OutOfMemoryError escaped to
   * Vert.x's failure handler and the client got an HTML page instead of {@code {"detail": ...}}.
   */
  @ServerExceptionMapper
  Response unexpected(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      LOG.error("request ran out of memory", e);
      return Response.fromResponse(error(503, "query-service is short of memory, retry later"))
          .header(HttpHeaders.RETRY_AFTER, 5)
          .build();
    }
    LOG.error("request failed", e);
    return error(500, "internal error, see the query-service log");
  }

  static Response error(int status, String detail) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(detail)).build();
  }
}
