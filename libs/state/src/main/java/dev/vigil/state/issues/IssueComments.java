package dev.vigil.state.issues;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Comments on issues. Callers check that the author may write to the issue. */
@ApplicationScoped
public class IssueComments {

  /** Longest comment kept; Sentry's own limit on notes is of this order. */
  public static final int MAX_TEXT = 10_000;

  /** Adds a comment and returns it with its id and time. */
  public Uni<IssueComment> add(long issueId, Long userId, Long tokenId, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a comment needs text");
    }
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("a comment is at most " + MAX_TEXT + " characters");
    }
    IssueCommentEntity comment = new IssueCommentEntity();
    comment.issueId = issueId;
    comment.userId = userId;
    comment.tokenId = tokenId;
    comment.text = text;
    // PostgreSQL keeps microseconds: the time returned is the time stored.
    comment.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return Panache.withTransaction(comment::<IssueCommentEntity>persist).map(IssueCommentEntity::toRecord);
  }

  /** The issue's comments, newest first, at most {@code limit} after skipping {@code offset}. */
  public Uni<List<IssueComment>> list(long issueId, int offset, int limit) {
    return Panache.withSession(
            () ->
                IssueCommentEntity.<IssueCommentEntity>find(
                        "issueId = ?1 order by createdAt desc, id desc", issueId)
                    .range(offset, offset + limit - 1)
                    .list())
        .map(rows -> rows.stream().map(IssueCommentEntity::toRecord).toList());
  }

  /** How many comments each of the issues has; issues without comments are absent. */
  public Uni<Map<Long, Integer>> counts(Collection<Long> issueIds) {
    if (issueIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(
                        session ->
                            session
                                .createSelectionQuery(
                                    "select c.issueId, count(c) from IssueCommentEntity c where c.issueId in :ids group by c.issueId",
                                    Object[].class)
                                .setParameter("ids", List.copyOf(issueIds))
                                .getResultList()))
        .map(
            rows -> {
              Map<Long, Integer> counts = new HashMap<>();
              for (Object[] r : rows) {
                counts.put((Long) r[0], ((Number) r[1]).intValue());
              }
              return counts;
            });
  }
}
