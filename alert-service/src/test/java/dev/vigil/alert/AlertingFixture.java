package dev.vigil.alert;

import dev.vigil.domain.telemetry.MetricBatch;
import dev.vigil.domain.telemetry.MetricSample;
import dev.vigil.domain.telemetry.MetricSeries;
import dev.vigil.domain.telemetry.MetricType;
import dev.vigil.otlp.metrics.Fingerprints;
import dev.vigil.state.projects.Projects;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.storage.clickhouse.schema.MigrationLock;
import dev.vigil.storage.clickhouse.schema.SchemaMigrations;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the alert-service tests share: a fresh project per test, metrics written as event-processor
 * writes them, rules and channels stored as query-service stores them, and reads of what the service
 * decided (alert state, history, deliveries).
 */
@ApplicationScoped
public class AlertingFixture {

  private static volatile boolean schemaApplied;

  @Inject Projects projects;
  @Inject Pool pool;
  @Inject ClickHouseStorage storage;

  public long project() {
    if (!schemaApplied) {
      new SchemaMigrations(storage).apply(MigrationLock.LOCAL);
      schemaApplied = true;
    }
    String slug = "alerts-" + UUID.randomUUID().toString().substring(0, 8);
    return await(() -> projects.create("alert-tests", slug, slug, "python")).id;
  }

  /** One gauge sample per 15 s over the last two minutes, ending now, all with {@code value}. */
  public void gauge(long projectId, String name, Map<String, String> labels, double value) {
    long fingerprint = Fingerprints.of(name, labels);
    MetricSeries series = new MetricSeries(projectId, name, fingerprint, labels, name, MetricType.GAUGE, "", "");
    List<MetricSample> samples = new ArrayList<>();
    long now = Instant.now().toEpochMilli();
    for (long t = now - 120_000; t <= now; t += 15_000) {
      samples.add(new MetricSample(projectId, name, fingerprint, t, value));
    }
    samples.add(new MetricSample(projectId, name, fingerprint, now, value));
    storage.metricWriter().insert(new MetricBatch(List.of(series), samples, List.of()), "test-" + UUID.randomUUID());
  }

  public long ruleGroup(long projectId, String name, int intervalSeconds, String rulesJson) {
    return await(() -> pool.preparedQuery(
            "INSERT INTO alert_rule_groups (project_id, namespace, name, interval_seconds, rules) VALUES ($1, 'rules.yml', $2, $3, $4) RETURNING id")
        .execute(Tuple.of(projectId, name, intervalSeconds, new JsonArray(rulesJson)))
        .map(rows -> rows.iterator().next().getLong(0)));
  }

  public long errorRule(long projectId, String name, String trigger, int threshold, int windowSeconds) {
    return await(() -> pool.preparedQuery(
            "INSERT INTO error_alert_rules (project_id, name, trigger, threshold, window_seconds, labels)"
                + " VALUES ($1, $2, $3, $4, $5, '{\"severity\":\"error\"}') RETURNING id")
        .execute(Tuple.of(projectId, name, trigger, threshold, windowSeconds))
        .map(rows -> rows.iterator().next().getLong(0)));
  }

  /** A channel that notifies at once (no group wait) and re-checks its groups every second. */
  public long channel(long projectId, String type, JsonObject settings, String matchers) {
    return await(() -> pool.preparedQuery(
            "INSERT INTO notification_channels (project_id, name, type, settings, matchers, group_wait_seconds, group_interval_seconds)"
                + " VALUES ($1, $2, $3, $4, $5, 0, 1) RETURNING id")
        .execute(Tuple.of(projectId, type + "-" + UUID.randomUUID().toString().substring(0, 6), type, settings, matchers))
        .map(rows -> rows.iterator().next().getLong(0)));
  }

  public long issue(long projectId, String title, String level) {
    return await(() -> pool.preparedQuery(
            "INSERT INTO issues (project_id, grouping_hash, title, culprit, level, first_seen, last_seen)"
                + " VALUES ($1, $2, $3, 'app.views.checkout', $4, now(), now()) RETURNING id")
        .execute(Tuple.of(projectId, UUID.randomUUID().toString(), title, level))
        .map(rows -> rows.iterator().next().getLong(0)));
  }

  public List<Row> rows(String sql, Object... params) {
    return await(() -> pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
      List<Row> out = new ArrayList<>();
      rows.forEach(out::add);
      return out;
    }));
  }

  public void sql(String sql, Object... params) {
    await(() -> pool.preparedQuery(sql).execute(Tuple.from(params)));
  }

  public static void eventually(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(100);
    }
  }

  public static <T> T await(Supplier<Uni<T>> call) {
    try {
      return VertxContextSupport.subscribeAndAwait(call);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
