package dev.vigil.query.organizations.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.organizations.OrganizationAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * API tokens of an organization. Anyone in it manages their own user tokens, granting at most the
 * scopes they have; organization tokens (not tied to a user) and other users' tokens need org:admin.
 */
@Path("/api/v1")
public class TokenResource {

  @Inject OrganizationAccess organizations;
  @Inject CurrentCaller current;
  @Inject ApiTokens tokens;
  @Inject AuditTrail audit;

  @GET
  @Path("/organizations/{org}/tokens")
  public Uni<List<TokenJson>> listTokens(@PathParam("org") String slug) {
    Caller caller = current.get();
    return organizations
        .requireMember(slug)
        .chain(
            org -> {
              if (caller.can(org.id, Scope.ORG_ADMIN)) {
                return tokens.list(org.id, null);
              }
              if (caller.userId() == null) {
                throw ApiException.forbidden("listing the organization's tokens needs the org:admin permission");
              }
              return tokens.list(org.id, caller.userId());
            })
        .map(list -> list.stream().map(TokenJson::of).toList());
  }

  @POST
  @Path("/organizations/{org}/tokens")
  public Uni<RestResponse<TokenJson>> createToken(@PathParam("org") String slug, TokenRequest body) {
    Caller caller = current.get();
    if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > 200) {
      throw ApiException.badRequest("name is required (at most 200 characters)");
    }
    Set<Scope> scopes = scopes(body.scopes());
    if (body.expiresAt() != null && !body.expiresAt().isAfter(Instant.now())) {
      throw ApiException.badRequest("expiresAt must be in the future");
    }
    boolean organizationToken = Boolean.TRUE.equals(body.organizationToken());
    if (!organizationToken && caller.userId() == null) {
      throw ApiException.badRequest("only users have personal tokens: set organizationToken to true");
    }
    return organizations
        .requireMember(slug)
        .chain(
            org -> {
              if (organizationToken) {
                caller.require(org.id, Scope.ORG_ADMIN);
              }
              Set<Scope> beyond = EnumSet.copyOf(scopes);
              beyond.removeAll(caller.scopes(org.id));
              if (!beyond.isEmpty()) {
                throw ApiException.forbidden("a token cannot grant what you may not do: " + TokenJson.wireNames(beyond));
              }
              Long userId = organizationToken ? null : caller.userId();
              String name = body.name().trim();
              List<String> granted = TokenJson.wireNames(scopes);
              return tokens
                  .create(userId, org.id, name, scopes, body.expiresAt())
                  .call(t -> audit.record(org.id, "token.create", "token", t.id(), Map.of("name", name, "scopes", String.join(" ", granted))))
                  // Read back: the database sets createdAt and keeps expiresAt to the microsecond; the answer equals the listing.
                  .chain(
                      t ->
                          tokens
                              .find(org.id, t.id())
                              .onItem()
                              .ifNull()
                              .failWith(() -> ApiException.conflict("token " + t.id() + " was revoked while being created"))
                              .map(info -> TokenJson.of(info).withSecret(t.secret())))
                  .map(json -> RestResponse.status(Response.Status.CREATED, json));
            });
  }

  @DELETE
  @Path("/organizations/{org}/tokens/{id}")
  public Uni<RestResponse<Void>> revokeToken(@PathParam("org") String slug, @PathParam("id") long id) {
    Caller caller = current.get();
    return organizations
        .requireMember(slug)
        .chain(
            org ->
                mayRevoke(caller, org.id, id)
                    .chain(may -> may ? tokens.revoke(org.id, id) : Uni.createFrom().item(false))
                    .chain(
                        revoked -> {
                          if (!revoked) {
                            return Uni.createFrom().failure(ApiException.notFound("token " + id + " does not exist"));
                          }
                          return audit.record(org.id, "token.revoke", "token", id, Map.of());
                        }))
        .map(v -> RestResponse.noContent());
  }

  /** org:admin revokes any token of the organization, a user their own. */
  private Uni<Boolean> mayRevoke(Caller caller, long organizationId, long tokenId) {
    if (caller.can(organizationId, Scope.ORG_ADMIN)) {
      return Uni.createFrom().item(true);
    }
    if (caller.userId() == null) {
      return Uni.createFrom().item(false);
    }
    return tokens.list(organizationId, caller.userId()).map(own -> own.stream().anyMatch(t -> t.id() == tokenId));
  }

  private static Set<Scope> scopes(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw ApiException.badRequest("scopes is required, e.g. [\"event:read\"]");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String name : names) {
      scopes.add(Scope.parse(name).orElseThrow(() -> ApiException.badRequest("unknown scope " + name)));
    }
    return scopes;
  }
}
