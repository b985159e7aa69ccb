package dev.vigil.state.projects;

/** A project with the same slug already exists in the organization. */
public final class ProjectAlreadyExistsException extends RuntimeException {

  public ProjectAlreadyExistsException(String organization, String slug) {
    super("project '" + slug + "' already exists in organization '" + organization + "'");
  }
}
