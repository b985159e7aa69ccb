package dev.vigil.query.auth.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Account;
import dev.vigil.state.accounts.Invitations;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Accepting an invitation link: an open endpoint, the secret is the credential. */
@Path("/api/v1")
public class InvitationAcceptanceResource {

  @Inject Invitations invitations;
  @Inject Logins logins;
  @Inject AuditTrail audit;

  /**
   * Joins the organization (creating the user when the email is new) and logs the user in. An
   * existing user is logged in only with their own password: whoever holds an invitation for
   * someone's email (the inviting admin, for one) must not get that person's session.
   */
  @POST
  @Path("/auth/invitations/accept")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<MeJson>> accept(InvitationAcceptance body, @Context HttpHeaders headers, @Context UriInfo uri) {
    if (body == null || AuthResource.blank(body.secret())) {
      throw ApiException.badRequest("body must be {\"secret\": ..., \"name\": ..., \"password\": ...}");
    }
    return invitations
        .acceptWithOrganization(body.secret().trim(), body.name(), body.password())
        .onFailure(IllegalArgumentException.class)
        .transform(e -> ApiException.badRequest(e.getMessage()))
        .chain(
            accepted -> {
              if (accepted == null) {
                return Uni.createFrom().failure(ApiException.notFound("the invitation is unknown, used or expired"));
              }
              Account account = accepted.account();
              return audit
                  .recordFor(accepted.organizationId(), account.userId(), "invitation.accept", Map.of())
                  .chain(() -> logIn(account, body.password(), headers, uri));
            });
  }

  private Uni<RestResponse<MeJson>> logIn(Account account, String password, HttpHeaders headers, UriInfo uri) {
    List<MembershipJson> memberships = account.memberships().stream().map(MembershipJson::of).toList();
    RestResponse<MeJson> withoutSession = RestResponse.ok(new MeJson(null, AccountJson.of(account), memberships, null, null));
    if (AuthResource.blank(password)) {
      return Uni.createFrom().item(withoutSession);
    }
    return logins
        .authenticate(account.email(), password)
        .chain(a -> a == null ? Uni.createFrom().item(withoutSession) : logins.startSession(a, headers, uri));
  }
}
