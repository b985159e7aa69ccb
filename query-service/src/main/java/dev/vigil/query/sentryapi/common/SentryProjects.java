package dev.vigil.query.sentryapi.common;

import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.organizations.OrganizationAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.projects.ProjectEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A project named as Sentry names it, by organization and project slug: 404 when either does not
 * exist or the caller is not in the organization, 403 when the caller lacks the scope.
 */
@ApplicationScoped
public class SentryProjects {

  private final OrganizationAccess organizations;
  private final CurrentCaller current;

  SentryProjects(OrganizationAccess organizations, CurrentCaller current) {
    this.organizations = organizations;
    this.current = current;
  }

  public Uni<ProjectEntity> require(String organizationSlug, String projectSlug, Scope scope) {
    return organizations
        .requireMember(organizationSlug)
        .chain(
            org ->
                Panache.<ProjectEntity>withSession(
                    () -> ProjectEntity.<ProjectEntity>find("organization.id = ?1 and slug = ?2", org.id, projectSlug).firstResult()))
        .map(
            project -> {
              if (project == null) {
                throw ApiException.notFound("The requested resource does not exist");
              }
              current.get().require(project.organization.id, scope);
              return project;
            });
  }
}
