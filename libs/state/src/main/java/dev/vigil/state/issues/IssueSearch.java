package dev.vigil.state.issues;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
