package dev.vigil.query.issues;

import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.state.issues.IssueSearch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** The issue a request names, checked against its project as {@link ProjectAccess} checks projects. */
@ApplicationScoped
public class IssueAccess {

  private final IssueSearch search;
  private final ProjectAccess projects;

  IssueAccess(IssueSearch search, ProjectAccess projects) {
    this.search = search;
    this.projects = projects;
  }

  /** The issue, or 404 when it does not exist or its project is hidden from the caller, 403 without the scope. */
  public Uni<IssueEntity> require(long issueId, Scope scope) {
    Supplier<ApiException> notFound = () -> ApiException.notFound("issue " + issueId + " does not exist");
    return search
        .byId(issueId)
        .chain(
            issue -> {
              if (issue == null) {
                return Uni.createFrom().failure(notFound.get());
              }
              return projects.require(issue.projectId, scope, notFound).replaceWith(issue);
            });
  }
}
