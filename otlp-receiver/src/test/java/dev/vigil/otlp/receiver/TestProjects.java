package dev.vigil.otlp.receiver;

import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.state.projects.ProjectKeyEntity;
import dev.vigil.state.projects.ProjectKeys;
import dev.vigil.state.projects.Projects;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Creates fresh projects and keys in the local stack's PostgreSQL (vigil_test), through libs/state. */
@ApplicationScoped
public class TestProjects {

  @Inject Projects projects;
  @Inject ProjectKeys keys;

  /** A new project (random slug) with its default, active key. */
  public TestProject create() {
    try {
      String slug = "otlp-" + UUID.randomUUID().toString().substring(0, 12);
      ProjectEntity project = VertxContextSupport.subscribeAndAwait(() -> projects.create("otlp-tests", slug, slug, "java"));
      ProjectKeyEntity key = VertxContextSupport.subscribeAndAwait(() -> keys.ofProject(project.id)).get(0);
      return new TestProject(project.id, key.publicKey);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create a test project; is the local stack up?", e);
    }
  }

  /** Another key of the project, changed by {@code jpqlSet} ("active = false", "rateLimitPerMinute = 2"). */
  public String addKey(long projectId, String jpqlSet) {
    try {
      ProjectKeyEntity key = VertxContextSupport.subscribeAndAwait(() -> keys.add(projectId, "test"));
      VertxContextSupport.subscribeAndAwait(
          () -> Panache.withTransaction(() -> ProjectKeyEntity.update(jpqlSet + " where publicKey = ?1", key.publicKey)));
      return key.publicKey;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** A project id and the public part of its key. */
  public record TestProject(long id, String publicKey) {

    public String bearer() {
      return "Bearer " + publicKey;
    }
  }
}
