package dev.vigil.query.sentryapi.releases;

import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.organizations.OrganizationAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.projects.OrganizationEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Who may use the release API, as Sentry's release permission says: writes need project:releases;
 * reads also accept project:read or org:read (a CI token made only for sentry-cli can read back what it
 * wrote). 404 for an organization the caller is not in.
 */
@ApplicationScoped
class ReleaseAccess {

  private static final Set<Scope> READ = Set.of(Scope.PROJECT_RELEASES, Scope.PROJECT_READ, Scope.ORG_READ);

  private final OrganizationAccess organizations;
  private final CurrentCaller current;

  ReleaseAccess(OrganizationAccess organizations, CurrentCaller current) {
    this.organizations = organizations;
    this.current = current;
  }

  Uni<OrganizationEntity> write(String slug) {
    return organizations.require(slug, Scope.PROJECT_RELEASES);
  }

  Uni<OrganizationEntity> read(String slug) {
    Caller caller = current.get();
    return organizations
        .requireMember(slug)
        .invoke(
            org -> {
              if (READ.stream().noneMatch(scope -> caller.can(org.id, scope))) {
                throw ApiException.forbidden("this needs the project:releases or project:read permission in the organization");
              }
            });
  }
}
