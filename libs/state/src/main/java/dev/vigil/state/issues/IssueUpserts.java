package dev.vigil.state.issues;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Records events against issues with one statement per issue, so that PostgreSQL decides
 * atomically whether an issue is new or has regressed. Replays are harmless: an event older than
 * the resolution does not reopen an issue, and creation happens once per (project, hash).
 */
@ApplicationScoped
public class IssueUpserts {

  // ON CONFLICT makes creation race-free and xmax = 0 marks an insert. A regression stamps
  // regressed_at with now(), the transaction's start time: a concurrent writer waits for the row
  // lock, then sees the issue already unresolved and keeps the first writer's (different)
  // timestamp, so exactly one writer reports the regression. (A "SELECT ... FOR UPDATE" CTE cannot
  // tell the previous status: the upsert's own change makes the row invisible to it.)
  private static final String REOPENS =
      "((i.status = 'resolved' AND EXCLUDED.last_seen > i.resolved_at)"
          + " OR (i.status = 'resolvedInNextRelease' AND EXCLUDED.last_release IS NOT NULL"
          + "     AND EXCLUDED.last_release IS DISTINCT FROM i.resolved_in_release))";

  static final String UPSERT =
      "INSERT INTO issues AS i (project_id, grouping_hash, title, culprit, type, level, platform, status,"
          + "                     first_seen, last_seen, first_release, last_release,"
          + "                     grouping_config, grouping_components)"
          + " VALUES (:projectId, :hash, :title, :culprit, :type, :level, :platform, 'unresolved',"
          + "         :firstSeen, :lastSeen, :release, :release, :config, :components)"
          + " ON CONFLICT (project_id, grouping_hash) DO UPDATE SET"
          + "   first_seen = LEAST(i.first_seen, EXCLUDED.first_seen),"
          + "   last_seen = GREATEST(i.last_seen, EXCLUDED.last_seen),"
          + "   first_release = COALESCE(i.first_release, EXCLUDED.first_release),"
          + "   last_release = CASE WHEN EXCLUDED.last_seen >= i.last_seen"
          + "                       THEN COALESCE(EXCLUDED.last_release, i.last_release) ELSE i.last_release END,"
          + "   title = CASE WHEN EXCLUDED.last_seen >= i.last_seen THEN EXCLUDED.title ELSE i.title END,"
          + "   culprit = CASE WHEN EXCLUDED.last_seen >= i.last_seen THEN EXCLUDED.culprit ELSE i.culprit END,"
          + "   status = CASE WHEN " + REOPENS + " THEN 'unresolved' ELSE i.status END,"
          + "   regressed_at = CASE WHEN " + REOPENS + " THEN now() ELSE i.regressed_at END,"
          + "   resolved_at = CASE WHEN " + REOPENS + " THEN NULL ELSE i.resolved_at END"
          + " RETURNING i.id, (xmax = 0) AS created, COALESCE(i.regressed_at = now(), false) AS regressed";

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
                                    session
                                        .createNativeQuery(UPSERT, Object[].class)
                                        .setParameter("projectId", c.projectId())
                                        .setParameter("hash", c.groupingHash())
                                        .setParameter("title", c.title())
                                        .setParameter("culprit", c.culprit())
                                        .setParameter("type", c.type())
                                        .setParameter("level", c.level())
                                        .setParameter("platform", c.platform())
                                        .setParameter("firstSeen", c.firstSeen())
                                        .setParameter("lastSeen", c.lastSeen())
                                        .setParameter("release", c.release())
                                        .setParameter("config", c.groupingConfig())
                                        .setParameter("components", c.groupingComponentsJson())
                                        .getSingleResult()
                                        .invoke(row -> outcomes.add(toOutcome(row)))
                                        .replaceWithVoid());
                      }
                      return chain.replaceWith(outcomes);
                    }));
  }

  private static IssueOutcome toOutcome(Object[] row) {
    return new IssueOutcome(
        ((Number) row[0]).longValue(), Boolean.TRUE.equals(row[1]), Boolean.TRUE.equals(row[2]));
  }
}
