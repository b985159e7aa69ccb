package dev.vigil.query.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Prometheus's response envelope: {@code {"status":"success","data":...}} or the error shape. */
public final class PromResponse {

  /** A successful answer; warnings only when there are some (data always, also when empty). */
  public record Success(String status, Object data, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {}

  /** A failed answer. */
  public record Failure(String status, String errorType, String error) {}

  private PromResponse() {}

  public static Success success(Object data) {
    return new Success("success", data, List.of());
  }

  public static Success success(Object data, List<String> warnings) {
    return new Success("success", data, warnings);
  }

  public static Response failure(int status, String errorType, String error) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Failure("error", errorType, error)).build();
  }
}
