package dev.vigil.query.auth;

import dev.vigil.query.rest.ErrorBody;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Secrets;
import dev.vigil.state.accounts.SessionGrant;
import dev.vigil.state.accounts.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Resolves the {@link Caller} of every API request: {@code Authorization: Bearer} with the admin token
 * or an API token, else the session cookie, whose unsafe requests must echo the session's CSRF token.
 *
 * <p>A pre-matching request filter rather than a Quarkus {@code HttpAuthenticationMechanism}: a caller
 * here is a set of scopes per organization, which Quarkus' flat roles do not express, and we use no
 * other Quarkus security feature, so one filter that fills a request-scoped {@link CurrentCaller} is
 * the whole mechanism, readable top to bottom. Health, metrics and OpenAPI are Vert.x routes outside
 * JAX-RS and never reach it; every JAX-RS request does, so a new endpoint is closed unless listed in
 * {@link #OPEN}.
 */
final class CallerFilter {

  /** Endpoints that authenticate by their body (password, invitation secret). */
  static final Set<String> OPEN = Set.of("/api/v1/auth/login", "/api/v1/auth/invitations/accept");

  static final String CSRF_HEADER = "X-CSRF-Token";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @ConfigProperty(name = "vigil.admin.token")
  String adminToken;

  @Inject ApiTokens tokens;
  @Inject Sessions sessions;
  @Inject Accounts accounts;
  @Inject CurrentCaller current;

  @ServerRequestFilter(preMatching = true)
  Uni<Response> authenticate(ContainerRequestContext request, HttpServerRequest http) {
    current.clientIp(http.remoteAddress() == null ? null : http.remoteAddress().host());
    if (OPEN.contains(request.getUriInfo().getPath())) {
      return Uni.createFrom().nullItem();
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header != null) {
      return bearer(header);
    }
    Cookie cookie = request.getCookies().get(SessionCookie.NAME);
    if (cookie != null && !cookie.getValue().isEmpty()) {
      return session(cookie.getValue(), request);
    }
    return Uni.createFrom().item(unauthorized("missing Authorization: Bearer <token> header or session cookie"));
  }

  private Uni<Response> bearer(String header) {
    if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Uni.createFrom().item(unauthorized("Authorization must be Bearer <token>"));
    }
    String token = header.substring(7).trim();
    if (Secrets.equal(token, adminToken)) {
      current.set(Caller.superuser());
      return Uni.createFrom().nullItem();
    }
    return tokens
        .resolve(token)
        .map(
            grant -> {
              if (grant == null) {
                return unauthorized("invalid token");
              }
              current.set(Caller.token(grant));
              return null;
            });
  }

  private Uni<Response> session(String secret, ContainerRequestContext request) {
    return sessions
        .resolve(secret)
        .chain(
            grant -> {
              if (grant == null) {
                return Uni.createFrom().item(unauthorized("session expired or invalid: log in again"));
              }
              // Checked before the account is read: a forged cross-site write costs one lookup only.
              if (!SAFE_METHODS.contains(request.getMethod()) && !csrfMatches(request, grant)) {
                return Uni.createFrom().item(error(403, "missing or wrong " + CSRF_HEADER + " header"));
              }
              return accounts
                  .find(grant.userId())
                  .map(
                      account -> {
                        if (account == null) {
                          return unauthorized("session expired or invalid: log in again");
                        }
                        current.set(Caller.session(grant, account));
                        return null;
                      });
            });
  }

  private static boolean csrfMatches(ContainerRequestContext request, SessionGrant grant) {
    String sent = request.getHeaderString(CSRF_HEADER);
    return sent != null && Secrets.equal(sent, grant.csrfToken());
  }

  private static Response unauthorized(String detail) {
    return Response.fromResponse(error(401, detail)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }

  private static Response error(int status, String detail) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(detail)).build();
  }
}
