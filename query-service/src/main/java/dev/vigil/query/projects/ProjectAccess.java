package dev.vigil.query.projects;

import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.state.projects.Projects;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The project a request names, if the caller may act on it: 404 when it does not exist or belongs to an
 * organization the caller is not in (other tenants' ids are not revealed), 403 when the caller is in
 * the organization but lacks the scope.
 */
@ApplicationScoped
public class ProjectAccess {

  private final Projects projects;
  private final CurrentCaller current;

  ProjectAccess(Projects projects, CurrentCaller current) {
    this.projects = projects;
    this.current = current;
  }

  /** The project, or a failure the API answers with 404 or 403. */
  public Uni<ProjectEntity> require(long projectId, Scope scope) {
    return require(projectId, scope, () -> ApiException.notFound("project " + projectId + " does not exist"));
  }

  /**
   * The project of an object found by another id (an issue), failing with {@code notFound} when the
   * caller may not see the project, so that the answer names only the id the caller gave.
   */
  public Uni<ProjectEntity> require(long projectId, Scope scope, Supplier<ApiException> notFound) {
    Caller caller = current.get();
    return projects
        .find(projectId)
        .map(
            project -> {
              if (project == null || !caller.belongsTo(project.organization.id)) {
                throw notFound.get();
              }
              caller.require(project.organization.id, scope);
              return project;
            });
  }
}
