package dev.vigil.query.organizations.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.organizations.OrganizationAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Invitations;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.accounts.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

/** Invitations to join an organization, accepted at {@code POST /api/v1/auth/invitations/accept}. */
@Path("/api/v1")
public class InvitationResource {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  @Inject OrganizationAccess organizations;
  @Inject Invitations invitations;
  @Inject CurrentCaller current;
  @Inject AuditTrail audit;

  /** Where users reach the UI; invitation links point there. */
  @ConfigProperty(name = "vigil.ui.public-url", defaultValue = "http://localhost:8080")
  String uiUrl;

  @POST
  @Path("/organizations/{org}/invitations")
  public Uni<RestResponse<InvitationJson>> invite(@PathParam("org") String slug, InvitationRequest body) {
    Caller caller = current.get();
    if (body == null || body.email() == null || !EMAIL.matcher(body.email().trim()).matches() || body.email().length() > 320) {
      throw ApiException.badRequest("email is required");
    }
    Role role = Roles.parse(body.role());
    // The admin token may invite too: it is how an installation gets its next users without the
    // owner's password (and how end-to-end tests sign in through the UI). Organization tokens may not.
    if (caller.userId() == null && !caller.isSuperuser()) {
      throw ApiException.badRequest("invitations are sent by users or the installation's admin token: log in or use a user token");
    }
    String email = body.email().trim();
    return organizations
        .require(slug, Scope.MEMBER_WRITE)
        .invoke(org -> Roles.requireOwnerPowers(caller, org.id, role))
        .chain(
            org ->
                invitations
                    .create(org.id, email, role, caller.userId())
                    .call(
                        i ->
                            audit.record(
                                org.id, "invitation.create", "invitation", i.id(), Map.of("email", email, "role", role.wireName())))
                    .map(
                        i ->
                            RestResponse.status(
                                Response.Status.CREATED,
                                new InvitationJson(i.id(), email, role.wireName(), link(i.secret()), i.secret()))));
  }

  // The secret travels in the fragment, which browsers never send to servers or in Referer headers.
  private String link(String secret) {
    return uiUrl.replaceAll("/+$", "") + "/accept-invitation#" + secret;
  }
}
