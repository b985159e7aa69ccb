package dev.vigil.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertingConfig;
import dev.vigil.alert.AlertingFixture;
import dev.vigil.alert.state.AlertBook;
import dev.vigil.alerting.rules.RuleFiles;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.ClickHouseStack;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ClickHouse unreachable while a rule fires: the evaluation fails with the reason on the group, and the
 * alert keeps its state (firing, since when) instead of resolving because the data could not be read;
 * once ClickHouse answers again the next evaluation carries on from there.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseStack.class)
class ClickHouseDownTest {

  @Inject AlertingFixture fixture;
  @Inject AlertBook book;
  @Inject ClickHouseStorage storage;
  @Inject AlertingConfig config;
  @Inject dev.vigil.alert.leader.LeaderElection leader;

  @Test
  void aFiringAlertKeepsItsStateWhileClickHouseIsDown() throws Exception {
    long project = fixture.project();
    fixture.gauge(project, "up", Map.of("job", "db"), 0);
    RuleGroup group = RuleFiles.parse("""
        groups:
          - name: db
            rules:
              - alert: DatabaseDown
                expr: up{job="db"} == 0
        """).get(0);
    AlertingFixture.eventually(java.time.Duration.ofSeconds(10), "this replica leads", leader::isLeader);
    // Stored (so the scheduler keeps its alerts) with an hour's interval: after its first run only this
    // test evaluates it.
    long groupId = fixture.ruleGroup(project, "db", 3600, """
        [{"alert": "DatabaseDown", "expr": "up{job=\\"db\\"} == 0"}]""");
    String key = RuleGroupEvaluator.ruleKey(groupId, 0, group.rules().get(0));

    RuleGroupEvaluator up = new RuleGroupEvaluator(storage, new SeriesWriteBack(storage.metricWriter()), book, config);
    assertThat(up.evaluate(project, groupId, group, Instant.now())).isNull();
    assertThat(book.alerts(key).values()).singleElement().satisfies(a -> assertThat(a.state().label()).isEqualTo("firing"));
    Instant firedAt = book.alerts(key).values().iterator().next().firedAt();

    try (ClickHouseStorage unreachable = new ClickHouseStorage(
        "jdbc:clickhouse:http://127.0.0.1:1/default?compress=false", storage.database(), "default", "")) {
      RuleGroupEvaluator down = new RuleGroupEvaluator(unreachable, new SeriesWriteBack(unreachable.metricWriter()), book, config);
      String error = down.evaluate(project, groupId, group, Instant.now().plusSeconds(60));
      assertThat(error).startsWith("rule 1 (DatabaseDown)");
    }
    assertThat(book.alerts(key).values()).singleElement().satisfies(a -> {
      assertThat(a.state().label()).isEqualTo("firing");
      assertThat(a.firedAt()).isEqualTo(firedAt);
    });

    assertThat(up.evaluate(project, groupId, group, Instant.now())).isNull();
    assertThat(book.alerts(key).values()).singleElement().satisfies(a -> assertThat(a.firedAt()).isEqualTo(firedAt));
  }
}
