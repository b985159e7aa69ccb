package dev.vigil.processor.pipeline;

import dev.vigil.state.projects.ProjectEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which project ids exist, and their slugs (the service name of Sentry transactions). Records of
 * projects that do not exist (deleted, or a gateway of another installation) are dead-lettered by
 * every consumer. Projects are not deleted or renamed yet, so a project once seen stays valid; the
 * cache keeps PostgreSQL off the hot path.
 */
@Singleton
public final class KnownProjects {

  private final Retrying retrying;
  private final Map<Long, String> slugs = new ConcurrentHashMap<>();

  KnownProjects(Retrying retrying) {
    this.retrying = retrying;
  }

  /** The slugs of those of the given projects that exist; waits (retrying) while PostgreSQL is down. */
  public Map<Long, String> slugs(Collection<Long> projectIds) {
    List<Long> missing = projectIds.stream().distinct().filter(id -> !slugs.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      List<ProjectEntity> found = retrying.untilSuccess("looking up projects " + missing,
          () -> await(missing));
      found.forEach(p -> slugs.put(p.id, p.slug));
    }
    Map<Long, String> known = new HashMap<>();
    for (Long id : projectIds) {
      String slug = slugs.get(id);
      if (slug != null) {
        known.put(id, slug);
      }
    }
    return known;
  }

  private static List<ProjectEntity> await(List<Long> ids) {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () -> Panache.withSession(() -> ProjectEntity.<ProjectEntity>list("id in ?1", ids)));
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
