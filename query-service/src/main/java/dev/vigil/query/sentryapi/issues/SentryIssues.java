package dev.vigil.query.sentryapi.issues;

import dev.vigil.query.issues.IssueAccess;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.state.projects.ProjectEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The issue a Sentry path names, with its project, checked as {@link IssueAccess} checks issues; under
 * {@code /organizations/{org}/issues/{id}/} the issue must also belong to that organization.
 */
@ApplicationScoped
class SentryIssues {

  /** An issue the caller may act on, and its project. */
  record Found(IssueEntity issue, ProjectEntity project) {}

  @Inject IssueAccess issues;
  @Inject ProjectAccess projects;

  /** @param organizationSlug the organization the path names, or null for {@code /issues/{id}/} */
  Uni<Found> require(String organizationSlug, long issueId, Scope scope) {
    return issues
        .require(issueId, scope)
        .chain(
            issue ->
                projects
                    .require(issue.projectId, scope, () -> notFound())
                    .map(
                        project -> {
                          if (organizationSlug != null && !organizationSlug.equals(project.organization.slug)) {
                            throw notFound();
                          }
                          return new Found(issue, project);
                        }));
  }

  static ApiException notFound() {
    return ApiException.notFound("The requested resource does not exist");
  }
}
