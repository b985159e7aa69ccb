package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Security-relevant changes, per organization: who did what to which object, from where. */
@ApplicationScoped
public class AuditLog {

  static final int MAX_LIST = 1000;

  /** One entry; actor ids may be null (the system, or an admin-token call). */
  public record Entry(long organizationId, Long actorUserId, Long actorTokenId, String action, String targetType,
      String targetId, Map<String, String> detail, String clientIp, Instant at) {}

  /** Records the entry (its {@code at} is ignored: the database sets it). */
  public Uni<Void> record(Entry entry) {
    AuditEntryEntity row = new AuditEntryEntity();
    row.organizationId = entry.organizationId();
    row.actorUserId = entry.actorUserId();
    row.actorTokenId = entry.actorTokenId();
    row.action = entry.action();
    row.targetType = entry.targetType();
    row.targetId = entry.targetId();
    row.detail = toJson(entry.detail());
    row.clientIp = entry.clientIp();
    return Panache.withTransaction(row::persist).replaceWithVoid();
  }

  /** Newest first, at most {@value #MAX_LIST}. */
  public Uni<List<Entry>> list(long organizationId, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_LIST));
    return Panache.withSession(
            () ->
                AuditEntryEntity.<AuditEntryEntity>find(
                        "organizationId = ?1 order by createdAt desc, id desc", organizationId)
                    .range(0, size - 1)
                    .list())
        .map(rows -> rows.stream().map(AuditLog::entry).toList());
  }

  private static Entry entry(AuditEntryEntity r) {
    return new Entry(r.organizationId, r.actorUserId, r.actorTokenId, r.action, r.targetType, r.targetId,
        fromJson(r.detail), r.clientIp, r.createdAt);
  }

  private static String toJson(Map<String, String> detail) {
    JsonObject json = new JsonObject();
    if (detail != null) {
      detail.forEach((key, value) -> {
        if (value != null) {
          json.put(key, value);
        }
      });
    }
    return json.encode();
  }

  private static Map<String, String> fromJson(String text) {
    Map<String, String> detail = new LinkedHashMap<>();
    if (text != null) {
      new JsonObject(text).forEach(e -> {
        if (e.getValue() != null) {
          detail.put(e.getKey(), String.valueOf(e.getValue()));
        }
      });
    }
    return Collections.unmodifiableMap(detail);
  }
}
