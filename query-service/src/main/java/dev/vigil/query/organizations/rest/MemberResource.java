package dev.vigil.query.organizations.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.organizations.OrganizationAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Organizations.Member;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.accounts.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** The members of an organization and their roles. New members come by invitation. */
@Path("/api/v1")
public class MemberResource {

  @Inject OrganizationAccess organizations;
  @Inject Organizations members;
  @Inject CurrentCaller current;
  @Inject AuditTrail audit;

  @GET
  @Path("/organizations/{org}/members")
  public Uni<List<MemberJson>> listMembers(@PathParam("org") String slug) {
    return organizations
        .require(slug, Scope.MEMBER_READ)
        .chain(org -> members.members(org.id))
        .map(list -> list.stream().map(MemberJson::of).toList());
  }

  /** Changes a member's role; only existing members (adding someone is an invitation, which they accept). */
  @PUT
  @Path("/organizations/{org}/members/{userId}")
  public Uni<MemberJson> changeRole(@PathParam("org") String slug, @PathParam("userId") long userId, RoleChange body) {
    Caller caller = current.get();
    Role role = Roles.parse(body == null ? null : body.role());
    return organizations
        .require(slug, Scope.MEMBER_WRITE)
        .chain(
            org ->
                member(org.id, userId)
                    .chain(
                        before -> {
                          Roles.requireOwnerPowers(caller, org.id, before.role(), role);
                          return members
                              .setRole(org.id, userId, role)
                              .onFailure(IllegalStateException.class)
                              .transform(e -> ApiException.conflict(e.getMessage()))
                              .call(
                                  m ->
                                      audit.record(
                                          org.id, "member.role.change", "user", userId,
                                          Map.of("from", before.role().wireName(), "to", role.wireName())))
                              .map(m -> new MemberJson(userId, before.email(), before.name(), role.wireName()));
                        }));
  }

  @DELETE
  @Path("/organizations/{org}/members/{userId}")
  public Uni<RestResponse<Void>> removeMember(@PathParam("org") String slug, @PathParam("userId") long userId) {
    Caller caller = current.get();
    return organizations
        .require(slug, Scope.MEMBER_WRITE)
        .chain(
            org ->
                member(org.id, userId)
                    .chain(
                        before -> {
                          Roles.requireOwnerPowers(caller, org.id, before.role());
                          return members
                              .removeMember(org.id, userId)
                              .onFailure(IllegalStateException.class)
                              .transform(e -> ApiException.conflict(e.getMessage()))
                              .call(() -> audit.record(org.id, "member.remove", "user", userId, Map.of("role", before.role().wireName())));
                        }))
        .map(v -> RestResponse.noContent());
  }

  private Uni<Member> member(long organizationId, long userId) {
    return members
        .members(organizationId)
        .map(
            list ->
                list.stream()
                    .filter(m -> m.userId() == userId)
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound("user " + userId + " is not a member of the organization")));
  }
}
