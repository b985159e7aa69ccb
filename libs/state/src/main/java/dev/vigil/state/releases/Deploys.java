package dev.vigil.state.releases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Deploys of releases to environments. */
@ApplicationScoped
public class Deploys {

  private final Pool pool;

  Deploys(Pool pool) {
    this.pool = pool;
  }

  public Uni<Deploy> create(long releaseId, NewDeploy deploy) {
    Instant finished = deploy.dateFinished() == null ? Instant.now() : deploy.dateFinished();
    return pool.preparedQuery(
            "INSERT INTO deploys (release_id, environment, name, url, date_started, date_finished)"
                + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
        .execute(
            Tuple.from(
                Arrays.asList(
                    releaseId, deploy.environment(), deploy.name(), deploy.url(), Sql.time(deploy.dateStarted()), Sql.time(finished))))
        .map(
            rows ->
                new Deploy(
                    rows.iterator().next().getLong(0), deploy.environment(), deploy.name(), deploy.url(), deploy.dateStarted(), finished));
  }

  /** The release's deploys, latest first. */
  public Uni<List<Deploy>> list(long releaseId) {
    return pool.preparedQuery(
            "SELECT id, environment, name, url, date_started, date_finished FROM deploys WHERE release_id = $1"
                + " ORDER BY date_finished DESC, id DESC")
        .execute(Tuple.of(releaseId))
        .map(
            rows -> {
              List<Deploy> deploys = new ArrayList<>();
              for (Row r : rows) {
                deploys.add(
                    new Deploy(
                        r.getLong("id"),
                        r.getString("environment"),
                        r.getString("name"),
                        r.getString("url"),
                        Sql.instant(r, "date_started"),
                        Sql.instant(r, "date_finished")));
              }
              return deploys;
            });
  }
}
