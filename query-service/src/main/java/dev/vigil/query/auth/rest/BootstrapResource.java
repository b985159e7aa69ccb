package dev.vigil.query.auth.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.FirstOwner;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The installation's first user: an owner, created with the admin token by {@code ./vigil up} (the Helm
 * chart sets it from the environment instead, see {@code dev.vigil.query.bootstrap.FirstStart}).
 */
@Path("/api/v1")
public class BootstrapResource {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

  @Inject CurrentCaller current;
  @Inject Accounts accounts;
  @Inject FirstOwner firstOwner;
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
            any ->
                any
                    ? Uni.createFrom().<FirstOwner.Created>nullItem()
                    : firstOwner.create(body.email().trim(), name, body.password(), organization))
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.conflict("users exist already: the first owner is created only once"))
        .call(
            created ->
                audit.record(
                    created.membership().organizationId(), "owner.bootstrap", "user", created.account().userId(),
                    Map.of("email", created.account().email())))
        .map(
            created ->
                RestResponse.status(
                    Response.Status.CREATED,
                    new MeJson(
                        null, AccountJson.of(created.account()), List.of(MembershipJson.of(created.membership())), null, null)));
  }
}
