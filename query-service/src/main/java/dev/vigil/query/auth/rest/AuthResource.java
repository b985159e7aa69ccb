package dev.vigil.query.auth.rest;

import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.auth.SessionCookie;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Account;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.accounts.Sessions;
import dev.vigil.state.projects.OrganizationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Password login and logout, the caller's identity, and password change. */
// Class path /api/v1 like the other resources: RESTEasy picks the most specific class path and does
// not backtrack, so a longer one here would hide other resources' /api/v1/auth/... methods.
@Path("/api/v1")
public class AuthResource {

  private static final String WRONG_CREDENTIALS = "wrong email or password";

  @Inject Logins logins;
  @Inject Accounts accounts;
  @Inject Sessions sessions;
  @Inject CurrentCaller current;

  // JSON only: a cross-site HTML form cannot send it, so no other site can log a browser in (login CSRF).
  @POST
  @Path("/auth/login")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<MeJson>> login(LoginRequest body, @Context HttpHeaders headers, @Context UriInfo uri) {
    if (body == null || blank(body.email()) || blank(body.password())) {
      throw ApiException.badRequest("body must be {\"email\": ..., \"password\": ...}");
    }
    return logins
        .authenticate(body.email().trim(), body.password())
        .chain(
            account -> {
              // One answer for an unknown email and a wrong password: logins do not reveal who has an account.
              if (account == null) {
                return Uni.createFrom().failure(ApiException.unauthorized(WRONG_CREDENTIALS));
              }
              return logins.startSession(account, headers, uri);
            });
  }

  @POST
  @Path("/auth/logout")
  public Uni<RestResponse<Void>> logout(
      @CookieParam(SessionCookie.NAME) String secret, @Context HttpHeaders headers, @Context UriInfo uri) {
    Caller caller = current.get();
    if (caller.session() == null) {
      throw ApiException.badRequest("logout ends a login session; this request was authenticated with a token");
    }
    boolean secure = SessionCookie.overHttps(headers, uri.getRequestUri().getScheme());
    return sessions
        .revoke(secret)
        .call(() -> accounts.find(caller.userId()).chain(a -> a == null ? Uni.createFrom().voidItem() : logins.recordInEach(a, "logout")))
        .map(v -> RestResponse.ResponseBuilder.<Void>noContent().header(HttpHeaders.SET_COOKIE, SessionCookie.clear(secure)).build());
  }

  @GET
  @Path("/auth/me")
  public Uni<MeJson> me() {
    Caller caller = current.get();
    return switch (caller.kind()) {
      case SUPERUSER -> Uni.createFrom().item(new MeJson(caller.kind().wireName(), null, List.of(), null, null));
      case SESSION ->
          account(caller)
              .map(a -> new MeJson(caller.kind().wireName(), AccountJson.of(a), memberships(a, null), null, caller.session().csrfToken()));
      case USER_TOKEN -> {
        long org = caller.organizationIds().iterator().next();
        yield account(caller)
            .map(a -> new MeJson(caller.kind().wireName(), AccountJson.of(a), memberships(a, org), scopes(caller, org), null));
      }
      case ORGANIZATION_TOKEN -> {
        long org = caller.organizationIds().iterator().next();
        yield Panache.withSession(() -> OrganizationEntity.<OrganizationEntity>findById(org))
            .map(o -> new MeJson(caller.kind().wireName(), null, List.of(new MembershipJson(o.slug, null)), scopes(caller, org), null));
      }
    };
  }

  @POST
  @Path("/auth/password")
  public Uni<RestResponse<Void>> changePassword(PasswordChange body) {
    Caller caller = current.get();
    if (caller.session() == null) {
      throw ApiException.forbidden("changing the password needs a login session, not a token");
    }
    if (body == null || blank(body.currentPassword()) || blank(body.newPassword())) {
      throw ApiException.badRequest("body must be {\"currentPassword\": ..., \"newPassword\": ...}");
    }
    // Behind the login throttle too: a stolen session must not become a way to guess the password.
    return account(caller)
        .chain(
            account ->
                logins
                    .unlocked(account.email())
                    .chain(() -> accounts.changePassword(account.userId(), body.currentPassword(), body.newPassword()))
                    .call(changed -> logins.attempted(account.email(), changed))
                    .chain(
                        changed -> {
                          if (!changed) {
                            return Uni.createFrom().failure(ApiException.badRequest("the current password is wrong"));
                          }
                          // Whoever else was logged in as this user (perhaps with the old password) is logged out.
                          return sessions
                              .revokeAll(account.userId(), caller.session().sessionId())
                              .call(() -> logins.recordInEach(account, "password.change"));
                        }))
        .map(v -> RestResponse.noContent());
  }

  private Uni<Account> account(Caller caller) {
    return accounts
        .find(caller.userId())
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.unauthorized("the account no longer exists"));
  }

  /** The memberships, or only the one in {@code organizationId} for a token of that organization. */
  private static List<MembershipJson> memberships(Account a, Long organizationId) {
    return a.memberships().stream()
        .filter(m -> organizationId == null || m.organizationId() == organizationId)
        .map(MembershipJson::of)
        .toList();
  }

  private static List<String> scopes(Caller caller, long organizationId) {
    return caller.scopes(organizationId).stream().map(Scope::wireName).sorted().toList();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
