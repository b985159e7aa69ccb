package dev.vigil.state.projects;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Organizations and projects. */
@ApplicationScoped
public class Projects {

  @Inject ProjectKeys keys;

  /**
   * Creates a project with one DSN key, creating its organization on first use. Fails with {@link
   * ProjectAlreadyExistsException} when the slug is taken.
   */
  public Uni<ProjectEntity> create(String organizationSlug, String slug, String name, String platform) {
    return create(organizationSlug, slug, name, platform, null);
  }

  /**
   * Like {@link #create(String, String, String, String)}, with the DSN key's public part given (32
   * lower-case hex characters, as an installation's configuration may fix it) or, when null, random.
   */
  public Uni<ProjectEntity> create(String organizationSlug, String slug, String name, String platform, String publicKey) {
    return Panache.withTransaction(
        () ->
            organization(organizationSlug)
                .chain(
                    org ->
                        ProjectEntity.<ProjectEntity>find("organization = ?1 and slug = ?2", org, slug)
                            .firstResult()
                            .chain(
                                existing -> {
                                  if (existing != null) {
                                    return Uni.createFrom()
                                        .failure(new ProjectAlreadyExistsException(organizationSlug, slug));
                                  }
                                  ProjectEntity project = new ProjectEntity();
                                  project.organization = org;
                                  project.slug = slug;
                                  project.name = name;
                                  project.platform = platform;
                                  return project.<ProjectEntity>persist();
                                }))
                .call(project -> keys.create(project.id, "Default", publicKey)));
  }

  /** All projects, by id. */
  public Uni<List<ProjectEntity>> list() {
    return Panache.withSession(() -> ProjectEntity.list("order by id"));
  }

  /** The project with this id, or null. */
  public Uni<ProjectEntity> find(long id) {
    return Panache.withSession(() -> ProjectEntity.findById(id));
  }

  private Uni<OrganizationEntity> organization(String slug) {
    return OrganizationEntity.<OrganizationEntity>find("slug", slug)
        .firstResult()
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().item(existing);
              }
              OrganizationEntity org = new OrganizationEntity();
              org.slug = slug;
              org.name = slug;
              return org.persist();
            });
  }
}
