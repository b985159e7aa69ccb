package dev.vigil.state.alerting.runtime;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/** Projects' display names by id, for notifications (readable from any thread, unlike the Panache entities). */
@ApplicationScoped
public class ProjectNames {

  private final Pool pool;

  ProjectNames(Pool pool) {
    this.pool = pool;
  }

  public Uni<Map<Long, String>> all() {
    return pool.query("SELECT id, name FROM projects").execute().map(rows -> {
      Map<Long, String> names = new HashMap<>();
      for (Row r : rows) {
        names.put(r.getLong("id"), r.getString("name"));
      }
      return names;
    });
  }
}
