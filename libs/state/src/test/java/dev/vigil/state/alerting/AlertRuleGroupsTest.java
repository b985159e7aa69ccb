package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.AlertingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rule groups as rule files are imported, edited in the UI and read by the evaluator. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class AlertRuleGroupsTest {

  static final String API_RULES =
      "[{\"alert\":\"HighErrorRate\",\"expr\":\"sum(rate(http_requests_total{code=~\\\"5..\\\"}[5m])) > 1\",\"for\":\"5m\"}]";
  static final String QUEUE_RULES = "[{\"alert\":\"QueueBacklog\",\"expr\":\"queue_depth > 1000\",\"for\":\"10m\"}]";

  @Inject AlertRuleGroups groups;
  @Inject AlertingFixture fixture;

  long project;

  @BeforeEach
  void newProject() {
    project = fixture.project();
  }

  static RuleGroupSpec spec(String namespace, String name, String rules) {
    return new RuleGroupSpec(namespace, name, 60, 0, rules);
  }

  @Test
  void reimportingARuleFileKeepsTheIdsOfGroupsItStillHas() {
    List<AlertRuleGroup> first =
        await(() -> groups.replaceNamespace(project, "rules.yml", List.of(spec("rules.yml", "api", API_RULES), spec("rules.yml", "queue", QUEUE_RULES))));
    assertThat(first).extracting(AlertRuleGroup::name).containsExactly("api", "queue");
    long queueId = first.get(1).id();

    String changedQueue = QUEUE_RULES.replace("1000", "5000");
    List<AlertRuleGroup> second =
        await(() -> groups.replaceNamespace(project, "rules.yml", List.of(spec("rules.yml", "queue", changedQueue), spec("rules.yml", "db", API_RULES))));

    assertThat(second).extracting(AlertRuleGroup::name).containsExactly("queue", "db");
    AlertRuleGroup queue = second.get(0);
    assertThat(queue.id()).isEqualTo(queueId);
    assertThat(queue.version()).isEqualTo(2);
    assertThat(queue.rulesJson()).contains("queue_depth > 5000");
    assertThat(await(() -> groups.list(project))).extracting(AlertRuleGroup::name).containsExactly("queue", "db");

    // The same file again changes nothing, so an editor's version stays valid.
    List<AlertRuleGroup> third =
        await(() -> groups.replaceNamespace(project, "rules.yml", List.of(spec("rules.yml", "queue", changedQueue), spec("rules.yml", "db", API_RULES))));
    assertThat(third).extracting(AlertRuleGroup::version).containsExactly(2, 1);
  }

  @Test
  void namespacesAreReplacedAndDeletedIndependently() {
    await(() -> groups.replaceNamespace(project, "api.yml", List.of(spec("api.yml", "api", API_RULES))));
    await(() -> groups.replaceNamespace(project, "queue.yml", List.of(spec("queue.yml", "queue", QUEUE_RULES))));
    await(() -> groups.create(project, spec("vigil", "ui-made", QUEUE_RULES)));

    assertThat(await(() -> groups.deleteNamespace(project, "api.yml"))).isEqualTo(1);

    assertThat(await(() -> groups.list(project))).extracting(AlertRuleGroup::namespace).containsExactly("queue.yml", "vigil");
    assertThat(await(() -> groups.namespace(project, "api.yml"))).isEmpty();
  }

  @Test
  void anUpdateBasedOnAnOlderVersionIsRefused() {
    AlertRuleGroup created = await(() -> groups.create(project, spec("vigil", "api", API_RULES)));
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.intervalSeconds()).isEqualTo(60);

    AlertRuleGroup updated = await(() -> groups.update(project, created.id(), new RuleGroupSpec("vigil", "api", null, 10, QUEUE_RULES), 1));
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.intervalSeconds()).isNull();
    assertThat(updated.limit()).isEqualTo(10);

    assertThatThrownBy(() -> await(() -> groups.update(project, created.id(), spec("vigil", "api", API_RULES), 1)))
        .isInstanceOfSatisfying(RuleGroupConflictException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
    assertThat(await(() -> groups.find(project, created.id())).rulesJson()).contains("QueueBacklog");

    // Without a version the update overwrites whatever is stored.
    assertThat(await(() -> groups.update(project, created.id(), spec("vigil", "api", API_RULES), null)).version()).isEqualTo(3);
  }

  @Test
  void aSecondGroupOfTheSameNameInANamespaceIsRefused() {
    await(() -> groups.create(project, spec("vigil", "api", API_RULES)));
    assertThatThrownBy(() -> await(() -> groups.create(project, spec("vigil", "api", QUEUE_RULES))))
        .isInstanceOf(NameTakenException.class)
        .hasMessageContaining("\"api\"");
    // Another namespace may use the name.
    assertThat(await(() -> groups.create(project, spec("other.yml", "api", QUEUE_RULES))).name()).isEqualTo("api");
  }

  @Test
  void anotherProjectsGroupIsNotFound() {
    AlertRuleGroup mine = await(() -> groups.create(project, spec("vigil", "api", API_RULES)));
    long other = fixture.project();

    assertThat(await(() -> groups.find(other, mine.id()))).isNull();
    assertThat(await(() -> groups.update(other, mine.id(), spec("vigil", "taken", API_RULES), null))).isNull();
    assertThat(await(() -> groups.delete(other, mine.id()))).isFalse();
    assertThat(await(() -> groups.list(other))).isEmpty();

    assertThat(await(() -> groups.delete(project, mine.id()))).isTrue();
    assertThat(await(() -> groups.find(project, mine.id()))).isNull();
  }

  @Test
  void theEvaluatorSeesEveryProjectsGroupsAndReportsOnThem() {
    AlertRuleGroup mine = await(() -> groups.create(project, spec("vigil", "api", API_RULES)));
    long other = fixture.project();
    AlertRuleGroup theirs = await(() -> groups.create(other, spec("vigil", "queue", QUEUE_RULES)));

    assertThat(await(() -> groups.all())).extracting(AlertRuleGroup::id).contains(mine.id(), theirs.id());

    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    await(() -> groups.recordEvaluation(mine.id(), at, 12, "query timed out"));
    AlertRuleGroup reported = await(() -> groups.find(project, mine.id()));
    assertThat(reported.lastEvaluationAt()).isEqualTo(at);
    assertThat(reported.lastEvaluationMs()).isEqualTo(12);
    assertThat(reported.lastError()).isEqualTo("query timed out");
    assertThat(reported.version()).isEqualTo(1);
  }
}
