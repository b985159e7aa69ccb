package dev.vigil.state.releases;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chunks of uploads in progress (sentry-cli's chunked upload), per organization and named by the SHA-1
 * the caller verified. They live until the file they belong to is assembled, or a day at most.
 */
@ApplicationScoped
public class UploadChunks {

  private final Pool pool;

  UploadChunks(Pool pool) {
    this.pool = pool;
  }

  /** Stores the chunks (checksum to bytes); one already stored is kept. Also drops chunks older than a day. */
  public Uni<Void> store(long organizationId, Map<String, byte[]> chunks) {
    List<Tuple> rows = new ArrayList<>();
    chunks.forEach((checksum, data) -> rows.add(Tuple.of(organizationId, checksum, data.length, Buffer.buffer(data))));
    Uni<Void> expired =
        pool.preparedQuery("DELETE FROM upload_chunks WHERE created_at < now() - interval '1 day'").execute().replaceWithVoid();
    if (rows.isEmpty()) {
      return expired;
    }
    return expired.chain(
        () ->
            pool.preparedQuery(
                    "INSERT INTO upload_chunks (organization_id, checksum, size, data) VALUES ($1, $2, $3, $4)"
                        + " ON CONFLICT (organization_id, checksum) DO NOTHING")
                .executeBatch(rows)
                .replaceWithVoid());
  }

  /** Those of the checksums not stored for the organization, in the order given. */
  public Uni<List<String>> missing(long organizationId, List<String> checksums) {
    if (checksums.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return pool.preparedQuery("SELECT checksum FROM upload_chunks WHERE organization_id = $1 AND checksum = ANY($2)")
        .execute(Tuple.of(organizationId, checksums.toArray(new String[0])))
        .map(
            rows -> {
              Set<String> present = new HashSet<>();
              for (Row r : rows) {
                present.add(r.getString(0));
              }
              return checksums.stream().filter(c -> !present.contains(c)).distinct().toList();
            });
  }

  /** The chunks' bytes joined in the order given; null when one of them is missing. */
  public Uni<byte[]> concatenate(long organizationId, List<String> checksums) {
    return pool.preparedQuery("SELECT checksum, data FROM upload_chunks WHERE organization_id = $1 AND checksum = ANY($2)")
        .execute(Tuple.of(organizationId, checksums.toArray(new String[0])))
        .map(
            rows -> {
              Map<String, byte[]> data = new HashMap<>();
              for (Row r : rows) {
                data.put(r.getString("checksum"), r.getBuffer("data").getBytes());
              }
              ByteArrayOutputStream joined = new ByteArrayOutputStream();
              for (String checksum : checksums) {
                byte[] chunk = data.get(checksum);
                if (chunk == null) {
                  return null;
                }
                joined.writeBytes(chunk);
              }
              return joined.toByteArray();
            });
  }

  public Uni<Void> delete(long organizationId, List<String> checksums) {
    return pool.preparedQuery("DELETE FROM upload_chunks WHERE organization_id = $1 AND checksum = ANY($2)")
        .execute(Tuple.of(organizationId, checksums.toArray(new String[0])))
        .replaceWithVoid();
  }
}
