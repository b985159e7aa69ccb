package dev.vigil.query.auth;

import dev.vigil.query.rest.ErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <vigil.admin.token>} on the API. A single shared token is a
 * stop-gap until accounts and per-user tokens exist; health and OpenAPI stay open.
 */
final class AdminTokenFilter {

  @ConfigProperty(name = "vigil.admin.token")
  String token;

  @ServerRequestFilter(preMatching = true)
  Response authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("/api/")) {
      return null;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return unauthorized("missing Authorization: Bearer <token> header");
    }
    // Constant-time comparison, so the token cannot be guessed from response timing.
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8))) {
      return unauthorized("invalid token");
    }
    return null;
  }

  private static Response unauthorized(String detail) {
    return Response.status(401)
        .type(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .entity(new ErrorBody(detail))
        .build();
  }
}
