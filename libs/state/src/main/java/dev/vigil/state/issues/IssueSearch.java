package dev.vigil.state.issues;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/** Finds issues of a project by workflow status and text, among candidate ids found elsewhere. */
@ApplicationScoped
public class IssueSearch {

  // Keeps each statement's bind parameters far below PostgreSQL's limit of 65535.
  private static final int CHUNK = 2_000;

  /** An issue by id, or null. */
  public Uni<IssueEntity> byId(long id) {
    return Panache.withSession(() -> IssueEntity.findById(id));
  }

  /**
   * The issues among {@code ids} that belong to the project and match the filters.
   *
   * @param statuses wire names to keep; null keeps every status
   * @param text case-insensitive substring of title or culprit; null matches every issue
   * @param textMatchedElsewhere ids that match {@code text} by other means (event messages)
   */
  public Uni<List<IssueEntity>> among(
      long projectId, Collection<Long> ids, Set<String> statuses, String text, Set<Long> textMatchedElsewhere) {
    List<Long> all = new ArrayList<>(ids);
    if (all.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    StringBuilder hql = new StringBuilder("projectId = :project and id in :ids");
    Map<String, Object> params = new HashMap<>();
    params.put("project", projectId);
    statusAndText(hql, params, statuses, text, textMatchedElsewhere);
    String query = hql.toString();
    return Panache.withSession(
        () -> {
          List<IssueEntity> found = new ArrayList<>();
          Uni<Void> chain = Uni.createFrom().voidItem();
          for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Map<String, Object> chunkParams = new HashMap<>(params);
            chunkParams.put("ids", chunk);
            chain =
                chain.chain(
                    () -> IssueEntity.<IssueEntity>list(query, chunkParams).invoke(found::addAll).replaceWithVoid());
          }
          return chain.replaceWith(found);
        });
  }

  /**
   * Up to {@code limit} issues of the project that may have events in [{@code start}, {@code end}),
   * i.e. seen at some time in it, newest first by {@code firstSeen} or {@code lastSeen} (then id),
   * continuing after an issue's key and id (both null for the first chunk). An index on
   * (project_id, last_seen) and one on (project_id, first_seen) serve the order.
   *
   * @param byFirstSeen orders by first_seen instead of last_seen
   * @param statuses wire names to keep; null keeps every status
   * @param text case-insensitive substring of title or culprit; null matches every issue
   * @param textMatchedElsewhere with a text, ids that match it by other means (event messages)
   * @param firstRelease keeps only issues first seen in this release; null keeps all
   */
  public Uni<List<IssueEntity>> seenBetween(
      long projectId,
      Instant start,
      Instant end,
      boolean byFirstSeen,
      Instant afterKey,
      Long afterId,
      Set<String> statuses,
      String text,
      Collection<Long> textMatchedElsewhere,
      String firstRelease,
      int limit) {
    String key = byFirstSeen ? "firstSeen" : "lastSeen";
    StringBuilder hql =
        new StringBuilder("from IssueEntity where projectId = :project and lastSeen >= :start and firstSeen < :end");
    Map<String, Object> params = new HashMap<>();
    params.put("project", projectId);
    params.put("start", start);
    params.put("end", end);
    statusAndText(hql, params, statuses, text, textMatchedElsewhere);
    if (firstRelease != null) {
      hql.append(" and firstRelease = :firstRelease");
      params.put("firstRelease", firstRelease);
    }
    if (afterKey != null) {
      hql.append(" and (").append(key).append(" < :afterKey or (").append(key).append(" = :afterKey and id < :afterId))");
      params.put("afterKey", afterKey);
      params.put("afterId", afterId);
    }
    hql.append(" order by ").append(key).append(" desc, id desc");
    String query = hql.toString();
    return Panache.withSession(() -> IssueEntity.<IssueEntity>find(query, params).range(0, limit - 1).list());
  }

  /**
   * Ids of up to {@code limit} issues of the project whose title or culprit contains {@code text}
   * (case-insensitively) and whose status is among {@code statuses} (null: any).
   */
  public Uni<List<Long>> titleOrCulpritMatches(long projectId, Set<String> statuses, String text, int limit) {
    StringBuilder hql =
        new StringBuilder(
            "select id from IssueEntity where projectId = :project"
                + " and (lower(title) like :text escape '!' or lower(culprit) like :text escape '!')");
    Map<String, Object> params = new HashMap<>();
    params.put("project", projectId);
    params.put("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
    if (statuses != null) {
      hql.append(" and status in :statuses");
      params.put("statuses", statuses);
    }
    String query = hql.toString();
    return Panache.withSession(
        () ->
            Panache.getSession()
                .chain(
                    session -> {
                      Mutiny.SelectionQuery<Long> select = session.createSelectionQuery(query, Long.class).setMaxResults(limit);
                      params.forEach(select::setParameter);
                      return select.getResultList();
                    }));
  }

  /** The workflow-status filter and the title/culprit text match (or an id matched elsewhere). */
  private static void statusAndText(
      StringBuilder hql, Map<String, Object> params, Set<String> statuses, String text, Collection<Long> textMatchedElsewhere) {
    if (statuses != null) {
      hql.append(" and status in :statuses");
      params.put("statuses", statuses);
    }
    if (text != null) {
      hql.append(" and (lower(title) like :text escape '!' or lower(culprit) like :text escape '!'");
      params.put("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
      if (!textMatchedElsewhere.isEmpty()) {
        hql.append(" or id in :matched");
        params.put("matched", textMatchedElsewhere);
      }
      hql.append(')');
    }
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
