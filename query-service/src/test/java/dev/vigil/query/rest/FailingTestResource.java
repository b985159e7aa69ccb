package dev.vigil.query.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoints that fail the ways a real request can, for {@link UnexpectedErrorApiTest}. */
@Path("/api/v1/test-failures")
public class FailingTestResource {

  @GET
  @Path("/out-of-memory")
  public Uni<String> outOfMemory() {
    return OffEventLoop.call(
        () -> {
          throw new OutOfMemoryError("Java heap space (simulated)");
        });
  }

  @GET
  @Path("/bug")
  public String bug() {
    throw new IllegalStateException("a bug");
  }
}
