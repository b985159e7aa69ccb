package dev.vigil.otlp.receiver.http;

import com.google.protobuf.Message;
import dev.vigil.edge.encoding.BodyTooLargeException;
import dev.vigil.edge.encoding.ContentDecoding;
import dev.vigil.edge.encoding.UndecodableBodyException;
import dev.vigil.otlp.receiver.ingest.Caller;
import dev.vigil.otlp.receiver.ingest.OtlpIngestion;
import dev.vigil.otlp.receiver.ingest.OtlpLimits;
import dev.vigil.otlp.receiver.ingest.Refusal;
import dev.vigil.otlp.receiver.ingest.Refusal.Kind;
import dev.vigil.otlp.receiver.ingest.Responses;
import dev.vigil.otlp.receiver.ingest.Signal;
import dev.vigil.state.projects.DsnKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * One OTLP/HTTP export: content type, credentials, decoding within the size limit, parsing, then
 * the shared ingestion. Called on a worker thread (key lookups may block).
 */
@ApplicationScoped
class HttpExports {

  private static final Logger LOG = Logger.getLogger(HttpExports.class);

  @Inject OtlpIngestion ingestion;
  @Inject OtlpLimits limits;
  @Inject OtlpHttpConfig http;

  Uni<Response> handle(Signal signal, Message.Builder builder, HttpHeaders headers, HttpServerRequest vertx, byte[] body) {
    long receivedAt = System.currentTimeMillis();
    return Uni.createFrom()
        .deferred(
            () -> {
              String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
              HttpFormat format = HttpFormat.of(contentType);
              if (format == null) {
                throw new UnsupportedContentTypeException(contentType);
              }
              Caller caller =
                  new Caller(
                      headers.getHeaderString(ingestion.credentialHeader()),
                      clientAddress(headers, vertx),
                      headers.getHeaderString(HttpHeaders.USER_AGENT),
                      receivedAt);
              DsnKey key = ingestion.authenticate(caller);
              Message request = format.parse(decode(body, headers.getHeaderString("Content-Encoding")), builder);
              return ingestion
                  .accept(signal, request, key, caller)
                  .map(outcome -> Response.ok(format.render(Responses.of(signal, outcome)), format.mediaType).build());
            })
        .onFailure(Refusal.class)
        .invoke(
            failure -> {
              Refusal refusal = (Refusal) failure;
              ingestion.countRefused(signal, refusal);
              if (refusal.kind() == Kind.UNAVAILABLE) {
                LOG.warnf(refusal.getCause(), "refused an HTTP %s export: %s", signal.tag(), refusal.getMessage());
              }
            });
  }

  private byte[] decode(byte[] body, String contentEncoding) {
    try {
      return ContentDecoding.decode(body == null ? new byte[0] : body, contentEncoding, limits.maxMessageBytes(), "export request");
    } catch (BodyTooLargeException e) {
      throw Refusal.of(Kind.TOO_LARGE, e.getMessage());
    } catch (UndecodableBodyException e) {
      throw Refusal.of(Kind.INVALID, e.getMessage());
    }
  }

  private String clientAddress(HttpHeaders headers, HttpServerRequest vertx) {
    String forwarded = headers.getHeaderString("X-Forwarded-For");
    if (http.trustForwardedFor() && forwarded != null && !forwarded.isBlank()) {
      return forwarded.split(",")[0].trim();
    }
    return vertx.remoteAddress() == null ? null : vertx.remoteAddress().hostAddress();
  }
}
