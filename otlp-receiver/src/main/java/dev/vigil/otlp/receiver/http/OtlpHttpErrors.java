package dev.vigil.otlp.receiver.http;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.vigil.otlp.receiver.ingest.Refusal;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders refusals as OTLP/HTTP specifies: a google.rpc.Status in the request's encoding, with the
 * HTTP status OTLP assigns and Retry-After on the retryable ones (429, 503).
 */
final class OtlpHttpErrors {

  @ServerExceptionMapper
  Response refusal(Refusal refusal, HttpHeaders headers) {
    int http;
    Code code;
    switch (refusal.kind()) {
      case INVALID -> { http = 400; code = Code.INVALID_ARGUMENT; }
      case UNAUTHENTICATED -> { http = 401; code = Code.UNAUTHENTICATED; }
      case FORBIDDEN -> { http = 403; code = Code.PERMISSION_DENIED; }
      case TOO_LARGE -> { http = 413; code = Code.RESOURCE_EXHAUSTED; }
      case RATE_LIMITED -> { http = 429; code = Code.RESOURCE_EXHAUSTED; }
      default -> { http = 503; code = Code.UNAVAILABLE; }
    }
    Response.ResponseBuilder response = status(http, code, refusal.getMessage(), headers);
    if (refusal.retryAfterSeconds() > 0) {
      response.header("Retry-After", Long.toString(refusal.retryAfterSeconds()));
    }
    return response.build();
  }

  @ServerExceptionMapper
  Response unsupported(UnsupportedContentTypeException error, HttpHeaders headers) {
    return status(415, Code.INVALID_ARGUMENT, error.getMessage(), headers).build();
  }

  private static Response.ResponseBuilder status(int http, Code code, String message, HttpHeaders headers) {
    HttpFormat format = HttpFormat.forErrors(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    Status status = Status.newBuilder().setCode(code.getNumber()).setMessage(message).build();
    return Response.status(http).entity(format.render(status)).type(format.mediaType);
  }
}
