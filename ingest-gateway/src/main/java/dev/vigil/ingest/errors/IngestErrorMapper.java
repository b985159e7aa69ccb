package dev.vigil.ingest.errors;

import dev.vigil.edge.encoding.BodyTooLargeException;
import dev.vigil.edge.encoding.UndecodableBodyException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders refusals the way Relay does: {"detail": "..."}, the same text in X-Sentry-Error. */
final class IngestErrorMapper {

  private static final Logger LOG = Logger.getLogger(IngestErrorMapper.class);

  @Inject MeterRegistry registry;

  @ServerExceptionMapper
  Response map(IngestError error) {
    registry.counter("vigil.ingest.rejected", "status", Integer.toString(error.status())).increment();
    if (error.status() >= 500) {
      LOG.warnf(error.getCause(), "refused an ingest request with %d: %s", error.status(), error.detail());
    }
    Response.ResponseBuilder response =
        Response.status(error.status())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("detail", error.detail()))
            .header("X-Sentry-Error", headerSafe(error.detail()));
    error.headers().forEach(response::header);
    return response.build();
  }

  /** A body over its decoded size limit (shared decoder in libs/edge): 413. */
  @ServerExceptionMapper
  Response map(BodyTooLargeException error) {
    return map(IngestError.tooLarge(error.getMessage()));
  }

  /** A body the shared decoder cannot undo: 400. */
  @ServerExceptionMapper
  Response map(UndecodableBodyException error) {
    return map(IngestError.badRequest(error.getMessage()));
  }

  /** Header values must stay on one line of visible ASCII. */
  private static String headerSafe(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 512));
    for (int i = 0; i < text.length() && out.length() < 512; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : ' ');
    }
    return out.toString();
  }
}
