package dev.vigil.query.auth.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.Organizations;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/** The installation's first user: an owner, created with the admin token by {@code ./vigil up}. */
@Path("/api/v1")
public class BootstrapResource {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

  @Inject CurrentCaller current;
  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject AuditTrail audit;

  @POST
  @Path("/bootstrap/owner")
  public Uni<RestResponse<MeJson>> createOwner(OwnerBootstrap body) {
    if (!current.get().isSuperuser()) {
      throw ApiException.forbidden("only the admin token creates the first owner");
    }
    if (body == null || AuthResource.blank(body.email()) || AuthResource.blank(body.password())) {
      throw ApiException.badRequest("body must be {\"email\": ..., \"password\": ..., \"organization\": ...}");
    }
    String organization = AuthResource.blank(body.organization()) ? "default" : body.organization().trim();
    if (!SLUG.matcher(organization).matches()) {
      throw ApiException.badRequest("organization must be a slug");
    }
    String name = AuthResource.blank(body.name()) ? body.email().trim() : body.name();
    return accounts
        .anyUser()
        .chain(
            any -> {
              if (any) {
                return Uni.createFrom().failure(ApiException.conflict("users exist already: the first owner is created only once"));
              }
              return accounts.create(body.email().trim(), name, body.password());
            })
        .chain(
            account ->
                organizations
                    .createWithOwner(organization, organization, account.userId())
                    .call(
                        m ->
                            audit.record(
                                m.organizationId(), "owner.bootstrap", "user", account.userId(), Map.of("email", account.email())))
                    .map(
                        m ->
                            RestResponse.status(
                                Response.Status.CREATED,
                                new MeJson(null, AccountJson.of(account), List.of(MembershipJson.of(m)), null, null))));
  }
}
