package dev.vigil.state.dashboards;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A project's dashboards. Every call names the project, so a dashboard id of another project is
 * simply not found; callers check that the caller may read or change the project.
 */
@ApplicationScoped
public class Dashboards {

  /** The project's dashboards by title (case-insensitively), then id. */
  public Uni<List<Dashboard>> list(long projectId) {
    return Panache.withSession(
            () -> DashboardEntity.<DashboardEntity>find("projectId = ?1 order by lower(title), id", projectId).list())
        .map(rows -> rows.stream().map(DashboardEntity::toRecord).toList());
  }

  /** The dashboard, or null when the project has none with this id. */
  public Uni<Dashboard> find(long projectId, long id) {
    return Panache.withSession(() -> byId(projectId, id, LockModeType.NONE)).map(d -> d == null ? null : d.toRecord());
  }

  public Uni<Dashboard> create(long projectId, String title, String panelsJson, Long createdBy) {
    DashboardEntity d = new DashboardEntity();
    d.projectId = projectId;
    d.title = title;
    d.panels = panelsJson;
    d.version = 1;
    d.createdBy = createdBy;
    d.createdAt = now();
    d.updatedAt = d.createdAt;
    return Panache.withTransaction(d::<DashboardEntity>persist).map(DashboardEntity::toRecord);
  }

  /**
   * Replaces title and panels. With {@code basedOnVersion}, fails with {@link DashboardConflictException}
   * when the stored version differs (the row is locked while compared, so two saves cannot both pass).
   * Null when the project has no such dashboard.
   */
  public Uni<Dashboard> update(long projectId, long id, String title, String panelsJson, Integer basedOnVersion) {
    return Panache.withTransaction(
        () ->
            byId(projectId, id, LockModeType.PESSIMISTIC_WRITE)
                .map(
                    d -> {
                      if (d == null) {
                        return null;
                      }
                      if (basedOnVersion != null && basedOnVersion != d.version) {
                        throw new DashboardConflictException(id, d.version);
                      }
                      d.title = title;
                      d.panels = panelsJson;
                      d.version++;
                      d.updatedAt = now();
                      return d;
                    })
                .call(d -> d == null ? Uni.createFrom().nullItem() : Panache.flush())
                .map(d -> d == null ? null : d.toRecord()));
  }

  /** Whether the project had the dashboard (and now does not). */
  public Uni<Boolean> delete(long projectId, long id) {
    return Panache.withTransaction(() -> DashboardEntity.delete("id = ?1 and projectId = ?2", id, projectId)).map(n -> n > 0);
  }

  private static Uni<DashboardEntity> byId(long projectId, long id, LockModeType lock) {
    return DashboardEntity.<DashboardEntity>find("id = ?1 and projectId = ?2", id, projectId).withLock(lock).firstResult();
  }

  // PostgreSQL keeps microseconds: the time returned is the time stored.
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
