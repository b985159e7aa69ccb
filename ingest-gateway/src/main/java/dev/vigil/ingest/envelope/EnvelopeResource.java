package dev.vigil.ingest.envelope;

import dev.vigil.ingest.auth.RequestCredentials;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Map;

/**
 * Sentry's ingestion endpoints. No Content-Type is required (browser SDKs send text/plain to avoid a
 * CORS preflight); bodies are read as bytes and decoded here so limits apply to decompressed sizes.
 */
@Path("/api/{projectId}")
public class EnvelopeResource {

  private static final String ENVELOPE_TYPE = "application/x-sentry-envelope";

  @Inject EnvelopeIngestion ingestion;
  @Inject IngestHttpConfig http;

  @POST
  @Path("/envelope/")
  @Produces(MediaType.APPLICATION_JSON)
  @Blocking
  public Uni<Map<String, String>> envelope(
      @PathParam("projectId") String projectId,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      @Context HttpServerRequest vertx,
      byte[] body) {
    return ingestion.envelope(request(projectId, headers, uri, vertx, body)).map(EnvelopeResource::accepted);
  }

  @POST
  @Path("/store/")
  @Produces(MediaType.APPLICATION_JSON)
  @Blocking
  public Uni<Map<String, String>> store(
      @PathParam("projectId") String projectId,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      @Context HttpServerRequest vertx,
      byte[] body) {
    IngestRequest request = request(projectId, headers, uri, vertx, body);
    String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    boolean isEnvelope = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(ENVELOPE_TYPE);
    return (isEnvelope ? ingestion.envelope(request) : ingestion.storeEvent(request)).map(EnvelopeResource::accepted);
  }

  /** The body Sentry SDKs expect for an accepted event. */
  private static Map<String, String> accepted(String eventId) {
    return Map.of("id", eventId);
  }

  private IngestRequest request(
      String projectId, HttpHeaders headers, UriInfo uri, HttpServerRequest vertx, byte[] body) {
    long receivedAt = System.currentTimeMillis();
    return new IngestRequest(
        projectId,
        RequestCredentials.find(
            headers.getHeaderString("X-Sentry-Auth"),
            headers.getHeaderString(HttpHeaders.AUTHORIZATION),
            uri.getQueryParameters()),
        body == null ? new byte[0] : body,
        headers.getHeaderString("Content-Encoding"),
        clientAddress(headers, vertx),
        headers.getHeaderString(HttpHeaders.USER_AGENT),
        receivedAt);
  }

  private String clientAddress(HttpHeaders headers, HttpServerRequest vertx) {
    String forwarded = headers.getHeaderString("X-Forwarded-For");
    if (http.trustForwardedFor() && forwarded != null && !forwarded.isBlank()) {
      return forwarded.split(",")[0].trim();
    }
    return vertx.remoteAddress() == null ? null : vertx.remoteAddress().hostAddress();
  }
}
