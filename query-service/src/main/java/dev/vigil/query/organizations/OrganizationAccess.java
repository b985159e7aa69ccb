package dev.vigil.query.organizations;

import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.projects.OrganizationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The organization a request names by slug, if the caller may act in it: 404 when it does not exist or
 * the caller is not in it (as for projects, whether another tenant exists is not revealed), 403 when
 * the caller is in it but lacks the scope.
 */
@ApplicationScoped
public class OrganizationAccess {

  private final CurrentCaller current;

  OrganizationAccess(CurrentCaller current) {
    this.current = current;
  }

  /** The organization if the caller belongs to it, whatever their scopes there. */
  public Uni<OrganizationEntity> requireMember(String slug) {
    return require(slug, null);
  }

  /** The organization if the caller belongs to it and has the scope there. */
  public Uni<OrganizationEntity> require(String slug, Scope scope) {
    Caller caller = current.get();
    return Panache.withSession(() -> OrganizationEntity.<OrganizationEntity>find("slug", slug).firstResult())
        .map(org -> checked(caller, org, scope, "organization " + slug + " does not exist"));
  }

  public Uni<OrganizationEntity> require(long organizationId, Scope scope) {
    Caller caller = current.get();
    return Panache.withSession(() -> OrganizationEntity.<OrganizationEntity>findById(organizationId))
        .map(org -> checked(caller, org, scope, "organization " + organizationId + " does not exist"));
  }

  private static OrganizationEntity checked(Caller caller, OrganizationEntity org, Scope scope, String notFound) {
    if (org == null || !caller.belongsTo(org.id)) {
      throw ApiException.notFound(notFound);
    }
    if (scope != null) {
      caller.require(org.id, scope);
    }
    return org;
  }
}
