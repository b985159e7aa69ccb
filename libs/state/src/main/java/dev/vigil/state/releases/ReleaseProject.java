package dev.vigil.state.releases;

/** A project a release belongs to, with the issues first seen in the release in that project (0 when not counted). */
public record ReleaseProject(long id, String slug, String name, String platform, int newGroups) {

  public ReleaseProject(long id, String slug, String name, String platform) {
    this(id, slug, name, platform, 0);
  }
}
