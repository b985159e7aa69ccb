package dev.vigil.state.issues;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Records events against issues, one UPDATE per known issue (an upsert for a new one), so that
 * PostgreSQL decides atomically whether an issue is new or has regressed. Replays are harmless: an event older than
 * the resolution does not reopen an issue, and creation happens once per (project, hash).
 */
@ApplicationScoped
public class IssueUpserts {

  /**
   * The version of an issue row: PostgreSQL's xmin, the transaction that wrote this version of the
   * row. Any later write of the row (another processor recording events for it, a status change)
   * changes it.
   */
  private static final String ROW_VERSION = "CAST(CAST(i.xmin AS text) AS bigint)";

  // A known issue is updated in place; only a hash without a row goes through INSERT ... ON CONFLICT,
  // which makes creation race-free (xmax = 0 marks an insert). Trying the UPDATE first also keeps
  // the id sequence dense: every INSERT attempt consumes a value, even one that ends in DO UPDATE.
  // A regression stamps regressed_at with now(), the transaction's start time: a concurrent writer
  // waits for the row lock, then sees the issue already unresolved and keeps the first writer's
  // (different) timestamp, so exactly one writer reports the regression.
  static final String UPDATE_EXISTING =
      "UPDATE issues AS i SET " + mergeFrom("incoming")
          + " FROM (SELECT CAST(:firstSeen AS timestamptz) AS first_seen, CAST(:lastSeen AS timestamptz) AS last_seen,"
          + "              CAST(:release AS text) AS first_release, CAST(:release AS text) AS last_release,"
          + "              CAST(:title AS text) AS title, CAST(:culprit AS text) AS culprit) AS incoming"
          + " WHERE i.project_id = :projectId AND i.grouping_hash = :hash"
          + " RETURNING i.id, false AS created, COALESCE(i.regressed_at = now(), false) AS regressed, " + ROW_VERSION + " AS version";

  static final String UPSERT =
      "INSERT INTO issues AS i (project_id, grouping_hash, title, culprit, type, level, platform, status,"
          + "                     first_seen, last_seen, first_release, last_release,"
          + "                     grouping_config, grouping_components)"
          + " VALUES (:projectId, :hash, :title, :culprit, :type, :level, :platform, 'unresolved',"
          + "         :firstSeen, :lastSeen, :release, :release, :config, :components)"
          + " ON CONFLICT (project_id, grouping_hash) DO UPDATE SET " + mergeFrom("EXCLUDED")
          + " RETURNING i.id, (xmax = 0) AS created, COALESCE(i.regressed_at = now(), false) AS regressed, " + ROW_VERSION + " AS version";

  static final String DELETE_UNCHANGED =
      "DELETE FROM issues AS i WHERE i.id = :id AND " + ROW_VERSION + " = :version RETURNING i.id";

  /**
   * Whether the incoming release is not older than the one the issue was resolved in, by creation of
   * their release rows (sentry-cli's, or the processor's on a release's first event); true when either
   * row is missing. An event of an older build still running somewhere does not reopen the issue.
   */
  private static String notOlderRelease(String incoming) {
    return "COALESCE((SELECT rn.date_created >= ro.date_created FROM projects p"
        + " JOIN releases ro ON ro.organization_id = p.organization_id AND ro.version = i.resolved_in_release"
        + " JOIN releases rn ON rn.organization_id = p.organization_id AND rn.version = " + incoming + ".last_release"
        + " WHERE p.id = i.project_id), true)";
  }

  /** How an existing issue row {@code i} takes in the events described by the row {@code incoming}. */
  private static String mergeFrom(String incoming) {
    String reopens =
        "((i.status = 'resolved' AND " + incoming + ".last_seen > i.resolved_at)"
            + " OR (i.status = 'resolvedInNextRelease' AND " + incoming + ".last_release IS NOT NULL"
            + "     AND " + incoming + ".last_release IS DISTINCT FROM i.resolved_in_release"
            + "     AND " + notOlderRelease(incoming) + "))";
    String newer = incoming + ".last_seen >= i.last_seen";
    return "first_seen = LEAST(i.first_seen, " + incoming + ".first_seen),"
        + " last_seen = GREATEST(i.last_seen, " + incoming + ".last_seen),"
        + " first_release = COALESCE(i.first_release, " + incoming + ".first_release),"
        + " last_release = CASE WHEN " + newer + " THEN COALESCE(" + incoming + ".last_release, i.last_release)"
        + "                     ELSE i.last_release END,"
        + " title = CASE WHEN " + newer + " THEN " + incoming + ".title ELSE i.title END,"
        + " culprit = CASE WHEN " + newer + " THEN " + incoming + ".culprit ELSE i.culprit END,"
        + " status = CASE WHEN " + reopens + " THEN 'unresolved' ELSE i.status END,"
        + " regressed_at = CASE WHEN " + reopens + " THEN now() ELSE i.regressed_at END,"
        + " resolved_at = CASE WHEN " + reopens + " THEN NULL ELSE i.resolved_at END";
  }

  /** Records the candidates in one transaction, in the given order, and returns their outcomes. */
  public Uni<List<IssueOutcome>> record(List<IssueCandidate> candidates) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session -> {
                      List<IssueOutcome> outcomes = new ArrayList<>(candidates.size());
                      Uni<Void> chain = Uni.createFrom().voidItem();
                      for (IssueCandidate c : candidates) {
                        chain =
                            chain.chain(
                                () ->
                                    recordOne(session, c)
                                        .invoke(row -> outcomes.add(toOutcome(row)))
                                        .replaceWithVoid());
                      }
                      return chain.replaceWith(outcomes);
                    }));
  }

  /**
   * Deletes the issues these outcomes created, except those written since (by another processor
   * recording events for them, or by a user): for a batch whose events for them could not be stored
   * after all, so that no issue exists without events. Returns the ids deleted.
   *
   * @param created outcomes of {@link #record} with {@link IssueOutcome#created()} set
   */
  public Uni<List<Long>> deleteUnchanged(List<IssueOutcome> created) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session -> {
                      List<Long> deleted = new ArrayList<>();
                      Uni<Void> chain = Uni.createFrom().voidItem();
                      for (IssueOutcome o : created) {
                        chain =
                            chain.chain(
                                () ->
                                    session
                                        .createNativeQuery(DELETE_UNCHANGED, Long.class)
                                        .setParameter("id", o.issueId())
                                        .setParameter("version", o.version())
                                        .getResultList()
                                        .invoke(ids -> ids.forEach(id -> deleted.add(((Number) id).longValue())))
                                        .replaceWithVoid());
                      }
                      return chain.replaceWith(deleted);
                    }));
  }

  /** The UPDATE for a known issue; the race-free upsert only when no row was there to update. */
  private static Uni<Object[]> recordOne(Mutiny.Session session, IssueCandidate c) {
    return bind(session.createNativeQuery(UPDATE_EXISTING, Object[].class), c, false)
        .getResultList()
        .chain(
            updated ->
                updated.isEmpty()
                    ? bind(session.createNativeQuery(UPSERT, Object[].class), c, true).getSingleResult()
                    : Uni.createFrom().item(updated.get(0)));
  }

  private static Mutiny.SelectionQuery<Object[]> bind(
      Mutiny.SelectionQuery<Object[]> query, IssueCandidate c, boolean forInsert) {
    query
        .setParameter("projectId", c.projectId())
        .setParameter("hash", c.groupingHash())
        .setParameter("title", c.title())
        .setParameter("culprit", c.culprit())
        .setParameter("firstSeen", c.firstSeen())
        .setParameter("lastSeen", c.lastSeen())
        .setParameter("release", c.release());
    if (forInsert) {
      query
          .setParameter("type", c.type())
          .setParameter("level", c.level())
          .setParameter("platform", c.platform())
          .setParameter("config", c.groupingConfig())
          .setParameter("components", c.groupingComponentsJson());
    }
    return query;
  }

  private static IssueOutcome toOutcome(Object[] row) {
    return new IssueOutcome(
        ((Number) row[0]).longValue(), Boolean.TRUE.equals(row[1]), Boolean.TRUE.equals(row[2]),
        ((Number) row[3]).longValue());
  }
}
