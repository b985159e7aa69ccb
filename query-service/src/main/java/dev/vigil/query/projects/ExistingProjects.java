package dev.vigil.query.projects;

import dev.vigil.query.rest.ApiException;
import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.state.projects.Projects;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks up the project a request names, answering 404 when there is none. */
@ApplicationScoped
public class ExistingProjects {

  private final Projects projects;

  ExistingProjects(Projects projects) {
    this.projects = projects;
  }

  /** The project, or a failure that the API answers with 404. */
  public Uni<ProjectEntity> require(long projectId) {
    return projects
        .find(projectId)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("project " + projectId + " does not exist"));
  }
}
