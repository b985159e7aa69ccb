package dev.vigil.ingest;

import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.state.projects.ProjectKeyEntity;
import dev.vigil.state.projects.ProjectKeys;
import dev.vigil.state.projects.Projects;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Creates a fresh project and key per test class in the local stack's PostgreSQL. */
@ApplicationScoped
public class TestProjects {

  @Inject Projects projects;
  @Inject ProjectKeys keys;

  private final Map<Class<?>, TestProject> perClass = new ConcurrentHashMap<>();

  /** The project of a test class: created on first use, then shared by the class's tests. */
  public TestProject of(Class<?> testClass) {
    return perClass.computeIfAbsent(testClass, c -> create());
  }

  /** A new project (random slug) with its default key. */
  public TestProject create() {
    try {
      String slug = "gw-" + UUID.randomUUID().toString().substring(0, 12);
      ProjectEntity project = VertxContextSupport.subscribeAndAwait(() -> projects.create("gateway-tests", slug, slug, "python"));
      ProjectKeyEntity key = VertxContextSupport.subscribeAndAwait(() -> keys.ofProject(project.id)).get(0);
      return new TestProject(project.id, key.publicKey, key.secretKey);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create a test project; is the local stack up?", e);
    }
  }

  /** Another key of the project, changed by {@code jpql} ("active = false", "rateLimitPerMinute = 2"). */
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

  /** A project id and the public and secret parts of its key. */
  public record TestProject(long id, String publicKey, String secretKey) {

    public String auth() {
      return "Sentry sentry_key=" + publicKey + ", sentry_version=7, sentry_client=sentry.python/2.19.0";
    }

    public String dsn() {
      return "http://" + publicKey + "@localhost:8010/" + id;
    }
  }
}
